package vn.gandan.intake.submission;

import java.util.List;

/** The published category catalogue, with labels in Vietnamese and English. */
public final class Categories {

    /** One category; {@code code} is what portals send and what Open311 calls {@code service_code}. */
    public record Category(String code, String nameVi, String nameEn) {

        /** The part before the dot: {@code infrastructure} for {@code infrastructure.roads}. */
        public String group() {
            int dot = code.indexOf('.');
            return dot < 0 ? code : code.substring(0, dot);
        }
    }

    public static final List<Category> ALL = List.of(
            new Category("infrastructure.roads", "Đường giao thông", "Roads"),
            new Category("infrastructure.drainage", "Thoát nước", "Drainage"),
            new Category("infrastructure.lighting", "Chiếu sáng công cộng", "Street lighting"),
            new Category("environment.pollution", "Ô nhiễm môi trường", "Pollution"),
            new Category("environment.waste", "Rác thải", "Waste"),
            new Category("land.compensation", "Bồi thường, giải phóng mặt bằng", "Land compensation"),
            new Category("land.dispute", "Tranh chấp đất đai", "Land disputes"),
            new Category("officials.conduct", "Hành vi của cán bộ, công chức", "Conduct of officials"),
            new Category("social.welfare", "An sinh xã hội", "Social welfare"),
            new Category("health", "Y tế", "Health"),
            new Category("education", "Giáo dục", "Education"),
            new Category("public_order", "An ninh, trật tự", "Public order"),
            new Category("administrative_procedures", "Thủ tục hành chính", "Administrative procedures"),
            new Category("other", "Khác", "Other"));

    public static final List<String> CODES = ALL.stream().map(Category::code).toList();

    private Categories() {}

    public static boolean isKnown(String code) {
        return CODES.contains(code);
    }
}
