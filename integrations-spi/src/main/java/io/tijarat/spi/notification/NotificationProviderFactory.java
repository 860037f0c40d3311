package io.tijarat.spi.notification;

import io.tijarat.spi.ProviderFactory;

/**
 * The {@link java.util.ServiceLoader} entry point of a notification plugin: list the implementing
 * class in {@code META-INF/services/io.tijarat.spi.notification.NotificationProviderFactory}. Its
 * descriptor's kind is {@link io.tijarat.spi.ProviderKind#NOTIFICATION} and its capabilities are
 * {@link NotificationCapability} constants. See {@link ProviderFactory} for the lifecycle.
 */
public interface NotificationProviderFactory extends ProviderFactory<NotificationProvider> {
}
