/**
 * Starting Tijarat: the launcher behind the README's run command, the embedded MariaDB used when no
 * database is configured, and the Payara Micro options (loopback only, no phone-home) that the launcher
 * and the Arquillian tests share so that both boot the server the same way.
 */
package io.tijarat.server;
