package vn.gandan.events;

import java.util.List;

/**
 * The category codes a {@link PetitionSubmitted} may carry ({@link Labels#CATEGORIES}): intake's catalogue (which
 * adds each category's extra facts) and routing's rules both speak these. Adding a code is additive; removing or renaming one
 * is a breaking change of the contract (ADR 0002).
 */
public final class CategoryCodes {

    public static final List<String> ALL =
            Labels.CATEGORIES.stream().map(Labels.Label::code).toList();

    private CategoryCodes() {}

    public static boolean isKnown(String code) {
        return ALL.contains(code);
    }

    /** The part before the dot: {@code infrastructure} for {@code infrastructure.roads}. */
    public static String group(String code) {
        int dot = code.indexOf('.');
        return dot < 0 ? code : code.substring(0, dot);
    }
}
