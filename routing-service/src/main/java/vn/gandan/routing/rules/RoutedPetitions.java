package vn.gandan.routing.rules;

import java.util.function.Consumer;

/**
 * The petitions routing has stored, for the what-if simulation: implemented by the cases feature, so rules do not
 * reach into case documents.
 */
public interface RoutedPetitions {

    /**
     * A stored petition: its inputs and where it is now.
     *
     * @param currentAuthorityId the authority its routing decision chose (or an operator assigned); null for triage
     */
    record RoutedPetition(String petitionId, RoutingInputs inputs, String currentAuthorityId) {}

    /**
     * Calls {@code each} for every stored petition of the province (all provinces when null), at most {@code
     * limit}, in a stable order.
     */
    void forEach(String provinceCode, int limit, Consumer<RoutedPetition> each);
}
