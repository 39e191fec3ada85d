package vn.gandan.routing.rules;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Stored petitions for the what-if simulation, chosen by the test so counts are exact in a shared store. */
final class InMemoryRoutedPetitions implements RoutedPetitions {

    private final List<RoutedPetition> petitions = new CopyOnWriteArrayList<>();

    void add(RoutedPetition petition) {
        petitions.add(petition);
    }

    @Override
    public void forEach(String provinceCode, int limit, Consumer<RoutedPetition> each) {
        petitions.stream()
                .filter(p -> provinceCode == null || p.inputs().provinceCode().equals(provinceCode))
                .limit(limit)
                .forEach(each);
    }
}
