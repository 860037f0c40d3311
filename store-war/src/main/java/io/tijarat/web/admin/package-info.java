/** The admin API: signed MicroProfile JWT with the admin or staff role; anything else is 401/403. */
package io.tijarat.web.admin;
