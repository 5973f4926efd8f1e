package io.oncoaudit.api.appeals.state;

/** A state change the appeal workflow does not allow; answered 409 naming the transition. */
public final class IllegalTransitionException extends RuntimeException {
    private final String claimId;
    private final ClaimState from;
    private final ClaimState to;

    public IllegalTransitionException(long campaignId, String claimId, ClaimState from, ClaimState to) {
        super("claim " + claimId + " in campaign " + campaignId + " is " + from.wire() + ": the transition "
                + from.wire() + " -> " + to.wire() + " is not allowed; from " + from.wire() + " it may go to " + from.nextNames());
        this.claimId = claimId;
        this.from = from;
        this.to = to;
    }

    public String claimId() { return claimId; }

    public ClaimState from() { return from; }

    public ClaimState to() { return to; }

    public String transition() { return from.wire() + " -> " + to.wire(); }
}
