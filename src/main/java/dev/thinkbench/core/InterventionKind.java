package dev.thinkbench.core;

/** How a run's thinking was steered. */
public enum InterventionKind {
    /** The end of thinking was suppressed and a Wait text appended. */
    WAIT_INSERTED,
    /** The user appended text of their own (Insert...). */
    TEXT_INSERTED,
    /** The end marker and answer prefix were appended: the answer was forced. */
    ANSWER_FORCED,
    /** The model's own end of thinking was accepted and the answer began. */
    END_ACCEPTED,
    /** The user edited the thinking so far. */
    TRACE_EDITED
}
