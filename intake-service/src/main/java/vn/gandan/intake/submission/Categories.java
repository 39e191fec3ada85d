package vn.gandan.intake.submission;

import java.util.List;

/** The published category catalogue (codes only; labels and extra fields come with the catalogue API). */
public final class Categories {

    public static final List<String> CODES = List.of(
            "infrastructure.roads",
            "infrastructure.drainage",
            "infrastructure.lighting",
            "environment.pollution",
            "environment.waste",
            "land.compensation",
            "land.dispute",
            "officials.conduct",
            "social.welfare",
            "health",
            "education",
            "public_order",
            "administrative_procedures",
            "other");

    private Categories() {}

    public static boolean isKnown(String code) {
        return CODES.contains(code);
    }
}
