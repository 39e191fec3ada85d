package vn.gandan.intake.submission;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.gandan.events.Labels;
import vn.gandan.support.web.FieldReason;

/**
 * The published category catalogue: each category's names ({@link Labels}) and the extra facts it asks for. Extra facts travel in {@code PetitionSubmitted} (routing decides on them), so none may hold personal data.
 */
public final class Categories {

    /** The longest value of a text field. */
    public static final int MAX_FIELD_LENGTH = 500;

    /** What kind of value an extra field takes. */
    public enum FieldType {
        /** Up to {@value #MAX_FIELD_LENGTH} characters. */
        TEXT,
        /** An ISO date, {@code 2025-07-01}, not in the future. */
        DATE,
        /** One of the field's choices, by code. */
        CHOICE;

        @JsonValue
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A value of a choice field. */
    public record Choice(String code, String nameVi, String nameEn) {}

    /** A fact a category asks for beyond the common ones, sent as {@code details.<code>}. */
    public record Field(
            String code, String nameVi, String nameEn, FieldType type, boolean required, List<Choice> choices) {

        public Field {
            choices = choices == null ? List.of() : List.copyOf(choices);
        }

        static Field text(String code, String nameVi, String nameEn, boolean required) {
            return new Field(code, nameVi, nameEn, FieldType.TEXT, required, List.of());
        }
    }

    /** One category; {@code code} is what portals send and what Open311 calls {@code service_code}. */
    public record Category(String code, String nameVi, String nameEn, List<Field> fields) {

        public Category {
            fields = List.copyOf(fields);
        }

        /** The category of a code, named as {@link Labels#CATEGORIES} names it. */
        static Category of(String code, List<Field> fields) {
            Labels.Label label = Labels.of(Labels.CATEGORIES, code).orElseThrow();
            return new Category(code, label.nameVi(), label.nameEn(), fields);
        }

        static Category of(String code) {
            return of(code, List.of());
        }

        /** The part before the dot: {@code infrastructure} for {@code infrastructure.roads}. */
        public String group() {
            int dot = code.indexOf('.');
            return dot < 0 ? code : code.substring(0, dot);
        }

        /**
         * What is wrong with a petition's extra facts for this category: a required one missing, an unknown one,
         * a value of the wrong form. Empty when all is well. The reasons are codes of intake's messages
         * ({@code gandan.intake.details.*}), put in the caller's language when answered.
         */
        public List<FieldReason> check(Map<String, String> details, LocalDate today) {
            Map<String, String> given = details == null ? Map.of() : details;
            List<FieldReason> errors = new ArrayList<>();
            for (String code : given.keySet()) {
                if (fields.stream().noneMatch(f -> f.code().equals(code))) {
                    errors.add(FieldReason.of("details." + code, "gandan.intake.details.unknown-field", this.code));
                }
            }
            for (Field field : fields) {
                String value = given.get(field.code());
                String name = "details." + field.code();
                if (value == null || value.isBlank()) {
                    if (field.required()) {
                        errors.add(FieldReason.of(name, "gandan.intake.details.required", this.code));
                    }
                    continue;
                }
                switch (field.type()) {
                    case TEXT -> {
                        if (value.codePointCount(0, value.length()) > MAX_FIELD_LENGTH) {
                            errors.add(FieldReason.of(
                                    name, "gandan.intake.details.too-long", String.valueOf(MAX_FIELD_LENGTH)));
                        }
                    }
                    case DATE -> {
                        try {
                            if (LocalDate.parse(value).isAfter(today)) {
                                errors.add(FieldReason.of(name, "gandan.intake.details.future"));
                            }
                        } catch (DateTimeParseException notADate) {
                            errors.add(FieldReason.of(name, "gandan.intake.details.date"));
                        }
                    }
                    case CHOICE -> {
                        if (field.choices().stream().noneMatch(c -> c.code().equals(value))) {
                            errors.add(FieldReason.of(
                                    name,
                                    "gandan.intake.details.choice",
                                    String.join(
                                            ", ",
                                            field.choices().stream()
                                                    .map(Choice::code)
                                                    .toList())));
                        }
                    }
                }
            }
            return errors;
        }
    }

    private static final Field LAND_PARCEL =
            Field.text("landParcel", "Thửa đất số, tờ bản đồ số", "Land parcel and map sheet numbers", false);

    public static final List<Category> ALL = List.of(
            Category.of(
                    "infrastructure.roads",
                    List.of(Field.text("roadName", "Tên đường, tuyến đường", "Road name", false))),
            Category.of("infrastructure.drainage"),
            Category.of(
                    "infrastructure.lighting",
                    List.of(Field.text("poleNumber", "Số hiệu cột đèn", "Lamp-post number", false))),
            Category.of(
                    "environment.pollution",
                    List.of(new Field(
                            "pollutionType",
                            "Loại ô nhiễm",
                            "Kind of pollution",
                            FieldType.CHOICE,
                            true,
                            List.of(
                                    new Choice("air", "Không khí, khói bụi", "Air, smoke and dust"),
                                    new Choice("water", "Nguồn nước", "Water"),
                                    new Choice("noise", "Tiếng ồn", "Noise"),
                                    new Choice("odour", "Mùi hôi", "Odour"),
                                    new Choice("soil", "Đất", "Soil"))))),
            Category.of("environment.waste"),
            Category.of(
                    "land.compensation",
                    List.of(
                            Field.text("projectName", "Tên dự án thu hồi đất", "Project the land was taken for", true),
                            LAND_PARCEL,
                            Field.text(
                                    "decisionNumber",
                                    "Số quyết định thu hồi đất, bồi thường",
                                    "Number of the land recovery or compensation decision",
                                    false),
                            new Field(
                                    "decisionDate",
                                    "Ngày ban hành quyết định",
                                    "Date of that decision",
                                    FieldType.DATE,
                                    false,
                                    List.of()),
                            Field.text(
                                    "issuingAuthority",
                                    "Cơ quan ban hành quyết định",
                                    "Authority that issued the decision",
                                    false))),
            Category.of("land.dispute", List.of(LAND_PARCEL)),
            Category.of(
                    "officials.conduct",
                    List.of(Field.text(
                            "subjectAuthority",
                            "Cơ quan, đơn vị nơi cán bộ bị phản ánh công tác",
                            "Authority the official works for",
                            true))),
            Category.of("social.welfare"),
            Category.of("health"),
            Category.of("education"),
            Category.of("public_order"),
            Category.of(
                    "administrative_procedures",
                    List.of(
                            Field.text("dossierNumber", "Mã hồ sơ", "Dossier number", true),
                            Field.text("procedureName", "Tên thủ tục", "Procedure", false))),
            Category.of("other"));

    public static final List<String> CODES = ALL.stream().map(Category::code).toList();

    private Categories() {}

    public static boolean isKnown(String code) {
        return CODES.contains(code);
    }

    public static Optional<Category> byCode(String code) {
        return ALL.stream().filter(c -> c.code().equals(code)).findFirst();
    }
}
