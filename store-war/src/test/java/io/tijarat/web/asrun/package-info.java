/**
 * The product as it is run, outside Arquillian: the launcher of the run command for minutes and across a restart,
 * and Payara Micro processes the tests kill and start again ({@link io.tijarat.web.asrun.LaunchedServer},
 * {@link io.tijarat.web.asrun.PayaraProcess}).
 */
package io.tijarat.web.asrun;
