package vn.gandan.routing.cases;

/** An action the case's state does not allow, e.g. resolving a closed case; answered 409 with no state change. */
public class IllegalTransitionException extends RuntimeException {

    private final String action;
    private final CaseState state;

    IllegalTransitionException(String action, CaseState state) {
        super("a " + state.code() + " case cannot be " + action);
        this.action = action;
        this.state = state;
    }

    public String action() {
        return action;
    }

    public CaseState state() {
        return state;
    }
}
