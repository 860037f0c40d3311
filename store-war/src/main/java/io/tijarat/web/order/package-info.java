/** Order status for customers, by order id plus the access token returned at checkout. */
package io.tijarat.web.order;
