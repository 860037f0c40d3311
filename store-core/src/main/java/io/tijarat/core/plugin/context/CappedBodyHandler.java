package io.tijarat.core.plugin.context;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Wraps a plugin's {@link HttpResponse.BodyHandler} so that no more than {@code maxBytes} of a response body
 * ever reach it: a gateway (or whatever answers in its place) that sends a bigger body — declared in
 * {@code Content-Length} or streamed — has the rest left unread, the connection dropped, and the plugin's
 * {@code send} (or its body stream) fails with {@link ResponseTooLargeException}, an {@link IOException}: the
 * request was sent and answered, so the plugin treats it as "no usable answer" (a read: transient; a
 * changing call: unknown, settled by inquiry), never as "not sent". Memory stays bounded by the cap.
 */
final class CappedBodyHandler<T> implements HttpResponse.BodyHandler<T> {

    private final HttpResponse.BodyHandler<T> delegate;
    private final long maxBytes;
    private final String describe;

    /** @param describe names the provider and the setting, for the error message */
    CappedBodyHandler(HttpResponse.BodyHandler<T> delegate, long maxBytes, String describe) {
        this.delegate = delegate;
        this.maxBytes = maxBytes;
        this.describe = describe;
    }

    @Override
    public HttpResponse.BodySubscriber<T> apply(HttpResponse.ResponseInfo info) {
        long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        return new Capped<>(delegate.apply(info), maxBytes, declared, describe);
    }

    /** The response body was larger than the host lets a plugin read. */
    static final class ResponseTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        ResponseTooLargeException(String message) {
            super(message);
        }
    }

    private static final class Capped<T> implements HttpResponse.BodySubscriber<T> {
        private final HttpResponse.BodySubscriber<T> downstream;
        private final long maxBytes;
        private final long declared;
        private final String describe;
        private Flow.Subscription subscription;
        private long received;
        private boolean done;

        Capped(HttpResponse.BodySubscriber<T> downstream, long maxBytes, long declared, String describe) {
            this.downstream = downstream;
            this.maxBytes = maxBytes;
            this.declared = declared;
            this.describe = describe;
        }

        @Override
        public CompletionStage<T> getBody() {
            return downstream.getBody();
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            downstream.onSubscribe(subscription);
            if (declared > maxBytes) {
                exceed("declares " + declared + " bytes");
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (done) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                received += buffer.remaining();
            }
            if (received > maxBytes) {
                exceed("sent more than that");
                return;
            }
            downstream.onNext(buffers);
        }

        @Override
        public void onError(Throwable failure) {
            if (!done) {
                done = true;
                downstream.onError(failure);
            }
        }

        @Override
        public void onComplete() {
            if (!done) {
                done = true;
                downstream.onComplete();
            }
        }

        private void exceed(String what) {
            done = true;
            subscription.cancel();
            downstream.onError(new ResponseTooLargeException("the response body is larger than the " + maxBytes
                    + " bytes " + describe + " (it " + what + "); the rest was not read. The request was sent and"
                    + " answered: treat it as no usable answer (a changing call's outcome is unknown)"));
        }
    }
}
