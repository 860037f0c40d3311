package io.tijarat.core.contact;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One entry of the consent ledger: a phone's owner agreed to, or refused, promotional messages. Immutable: the
 * ledger is only appended to, never edited (no setters; every column {@code updatable = false}).
 */
@Entity
@Table(name = "consent_event")
public class ConsentEvent {

    /** How the consent was given or withdrawn. */
    public enum Source {
        /** Ticked at checkout. */
        CHECKOUT,
        /** A reply by SMS or WhatsApp: STOP, START. */
        REPLY,
        /** The customer through the storefront's API. */
        API,
        /** Staff, on the customer's word (a call, a letter): the note says which. */
        ADMIN
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(updatable = false, nullable = false, length = 16)
    private String phone;

    @Column(updatable = false, nullable = false)
    private boolean granted;

    @Column(updatable = false, nullable = false, length = 12)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Source source;

    @Column(updatable = false, nullable = false, length = 100)
    private String actor;

    @Column(updatable = false, length = 300)
    private String evidence;

    @Column(updatable = false, nullable = false)
    private Instant at;

    protected ConsentEvent() {
        // for JPA
    }

    ConsentEvent(String phone, boolean granted, Source source, String actor, String evidence, Instant at) {
        this.phone = phone;
        this.granted = granted;
        this.source = source;
        this.actor = actor.length() > 100 ? actor.substring(0, 100) : actor;
        this.evidence = evidence == null ? null : evidence.length() > 300 ? evidence.substring(0, 300) : evidence;
        this.at = at;
    }

    public Long id() { return id; }
    public String phone() { return phone; }
    public boolean granted() { return granted; }
    public Source source() { return source; }
    public String actor() { return actor; }
    public String evidence() { return evidence; }
    public Instant at() { return at; }
}
