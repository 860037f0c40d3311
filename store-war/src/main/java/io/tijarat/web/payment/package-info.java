/** The customer's browser coming back from a payment gateway's hosted page. */
package io.tijarat.web.payment;
