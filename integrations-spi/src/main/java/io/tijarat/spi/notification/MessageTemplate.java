package io.tijarat.spi.notification;

import io.tijarat.spi.internal.Checks;
import java.util.List;

/**
 * A message template approved by the channel's operator (a WhatsApp message template), filled in: what a business may
 * send a customer who has not written in the last 24 hours. The core fills the parameters in the order the
 * placeholders appear in its own text for the event (documented per event), so the shop registers its template with
 * {@code {{1}}}, {@code {{2}}}… in that order. Since SPI 1.4.
 *
 * @param name       the template's name as approved, e.g. {@code order_shipped}
 * @param language   its language code as approved: {@code en}, {@code ur}
 * @param parameters the body's parameters, in order ({@code {{1}}} first); none may be blank
 */
public record MessageTemplate(String name, String language, List<String> parameters) {

    public MessageTemplate {
        Checks.notBlank(name, "name", 512);
        Checks.notBlank(language, "language", 15);
        parameters = List.copyOf(Checks.notNull(parameters, "parameters"));
        for (String parameter : parameters) {
            Checks.notBlank(parameter, "parameter", 1024);
        }
    }
}
