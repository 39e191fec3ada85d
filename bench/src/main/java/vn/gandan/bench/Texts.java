package vn.gandan.bench;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Vietnamese text for generated petitions: titles and descriptions by category, closings by kind, names,
 * mobile prefixes. Placeholders: {@code {xom}} hamlet number, {@code {place}} commune name, {@code {days}},
 * {@code {area}} (m²), {@code {width}} (m), {@code {year}}.
 */
final class Texts {

    /** Title and description pairs, by category code; {@link #GENERIC} for codes not listed. */
    private static final Map<String, List<Template>> BY_CATEGORY = Map.ofEntries(
            Map.entry(
                    "infrastructure.roads",
                    List.of(
                            pair(
                                    "Đường liên xóm {xom} xuống cấp, nhiều ổ gà",
                                    "Đoạn đường từ xóm {xom} ra trường tiểu học bị hư hỏng nặng, nhiều ổ gà sâu, trời"
                                            + " mưa lầy lội. Học sinh và người dân đi lại rất khó khăn, đã có người"
                                            + " bị ngã xe."),
                            pair(
                                    "Đề nghị làm lại cầu tạm qua kênh ở xóm {xom}",
                                    "Cây cầu tạm bằng tre qua kênh tưới ở xóm {xom} ({place}) đã mục, mỗi ngày có"
                                            + " hàng chục người qua lại. Bà con lo mất an toàn khi vào mùa mưa lũ."))),
            Map.entry(
                    "infrastructure.drainage",
                    List.of(
                            pair(
                                    "Cống thoát nước bị tắc ở xóm {xom}",
                                    "Cống thoát nước trước nhà văn hoá xóm {xom} bị tắc đã {days} ngày, nước tràn ra"
                                            + " đường mỗi khi mưa, bốc mùi hôi thối."),
                            pair(
                                    "Ngập úng kéo dài sau mưa lớn",
                                    "Sau mỗi trận mưa lớn, khu dân cư xóm {xom} ({place}) ngập sâu 30–40 cm, nước"
                                            + " rút rất chậm do mương thoát nước bị lấn chiếm."))),
            Map.entry(
                    "infrastructure.lighting",
                    List.of(pair(
                            "Đèn đường hỏng nhiều ngày chưa sửa",
                            "Dãy đèn chiếu sáng trên tuyến đường qua xóm {xom} đã hỏng {days} ngày, buổi tối rất"
                                    + " tối, dễ xảy ra tai nạn và trộm cắp."))),
            Map.entry(
                    "environment.pollution",
                    List.of(
                            pair(
                                    "Xưởng cưa gỗ gây tiếng ồn và khói bụi",
                                    "Xưởng cưa gỗ sát khu dân cư xóm {xom} hoạt động cả ban đêm, gây tiếng ồn và khói"
                                            + " bụi, ảnh hưởng đến sức khoẻ người già và trẻ nhỏ."),
                            pair(
                                    "Nước thải chăn nuôi chảy ra kênh tưới",
                                    "Trang trại lợn ở xóm {xom} xả nước thải chưa qua xử lý ra kênh tưới, nước kênh"
                                            + " đen và bốc mùi, cá chết hàng loạt."))),
            Map.entry(
                    "environment.waste",
                    List.of(pair(
                            "Rác thải không được thu gom",
                            "Điểm tập kết rác ở đầu xóm {xom} đã {days} ngày không được thu gom, rác tràn ra"
                                    + " đường, ruồi muỗi rất nhiều."))),
            Map.entry(
                    "land.compensation",
                    List.of(pair(
                            "Chưa nhận đủ tiền bồi thường giải phóng mặt bằng",
                            "Gia đình tôi ở xóm {xom} bị thu hồi {area} m² đất để mở rộng đường từ năm {year} nhưng"
                                    + " đến nay vẫn chưa nhận đủ tiền bồi thường theo phương án đã được phê duyệt."))),
            Map.entry(
                    "land.dispute",
                    List.of(pair(
                            "Tranh chấp ranh giới đất với hộ liền kề",
                            "Hộ liền kề ở xóm {xom} tự ý xây tường rào lấn sang đất nhà tôi khoảng {width} m, đã"
                                    + " hoà giải ở thôn nhưng không thành."))),
            Map.entry(
                    "officials.conduct",
                    List.of(pair(
                            "Cán bộ bộ phận một cửa gây khó khăn cho người dân",
                            "Khi tôi đến bộ phận một cửa của {place} nộp hồ sơ, cán bộ tiếp nhận yêu cầu bổ sung"
                                    + " giấy tờ không có trong quy định và có thái độ thiếu tôn trọng."))),
            Map.entry(
                    "social.welfare",
                    List.of(pair(
                            "Chưa được xét hưởng trợ cấp người cao tuổi",
                            "Mẹ tôi năm nay 81 tuổi, sống ở xóm {xom}, đã nộp hồ sơ hưởng trợ cấp xã hội từ {days}"
                                    + " ngày trước nhưng chưa được giải quyết."))),
            Map.entry(
                    "health",
                    List.of(pair(
                            "Trạm y tế thiếu thuốc bảo hiểm y tế",
                            "Trạm y tế {place} thường xuyên thiếu thuốc điều trị tăng huyết áp cho người có thẻ"
                                    + " bảo hiểm y tế, người bệnh phải tự mua thuốc bên ngoài."))),
            Map.entry(
                    "education",
                    List.of(pair(
                            "Phòng học xuống cấp, dột nát",
                            "Các phòng học của điểm trường xóm {xom} bị dột khi mưa, tường nứt, bàn ghế hỏng,"
                                    + " không bảo đảm an toàn cho học sinh."))),
            Map.entry(
                    "public_order",
                    List.of(pair(
                            "Thanh niên tụ tập đua xe ban đêm",
                            "Nhiều thanh niên thường tụ tập đua xe máy trên tuyến đường qua xóm {xom} từ 22 giờ đến"
                                    + " 1 giờ sáng, gây mất an ninh trật tự."))),
            Map.entry(
                    "administrative_procedures",
                    List.of(pair(
                            "Hồ sơ cấp giấy chứng nhận quyền sử dụng đất bị chậm",
                            "Tôi nộp hồ sơ cấp giấy chứng nhận quyền sử dụng đất từ {days} ngày trước, đã quá thời"
                                    + " hạn giải quyết nhưng chưa nhận được kết quả hay văn bản giải thích."))));

    private static final List<Template> GENERIC = List.of(pair(
            "Đề nghị xem xét kiến nghị của người dân xóm {xom}",
            "Người dân xóm {xom} đã nhiều lần kiến nghị nhưng chưa được trả lời. Đề nghị cơ quan có thẩm quyền"
                    + " xem xét, giải quyết."));

    private static final List<String> CLOSINGS_RECOMMENDATION = List.of(
            "Đề nghị chính quyền sớm xem xét, giải quyết.",
            "Mong được phản hồi sớm.",
            "Kính đề nghị các cấp quan tâm.",
            "Sự việc đã kéo dài nhiều tháng.");
    private static final List<String> CLOSINGS_COMPLAINT = List.of(
            "Tôi khiếu nại và đề nghị xem xét lại quyết định trên.",
            "Đề nghị cơ quan có thẩm quyền giải quyết khiếu nại theo quy định của pháp luật.");
    private static final List<String> CLOSINGS_DENUNCIATION = List.of(
            "Tôi xin cam đoan nội dung tố cáo trên là đúng sự thật.",
            "Đề nghị xác minh, xử lý nghiêm theo quy định và giữ bí mật thông tin người tố cáo.");

    static final List<String> VAGUE_PLACES = List.of(
            "Gần chợ trung tâm",
            "Đường vào nghĩa trang xóm {xom}",
            "Khu tái định cư mới, cạnh trạm bơm",
            "Bờ kênh phía sau trường mầm non");

    static final List<String> HAMLET_NAMES = List.of("Đông", "Tây", "Nam", "Bắc", "Trung", "Yên Phú", "Tân Lập");

    static final List<String> FAMILY_NAMES =
            List.of("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô");
    static final List<String> MIDDLE_NAMES = List.of("Văn", "Thị", "Đức", "Minh", "Thanh", "Ngọc", "Hữu", "Xuân");
    static final List<String> GIVEN_NAMES = List.of(
            "An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hạnh", "Hoa", "Hùng", "Lan", "Long", "Mai", "Nam", "Nga",
            "Phúc", "Quang", "Sơn", "Tâm", "Thảo", "Trung", "Tuấn", "Vinh", "Yến");

    /**
     * Mobile prefixes in use since 2018 (Viettel, VinaPhone, MobiFone) whose every seven-digit number is valid
     * (089 is left out: only 0896–0899 are allocated).
     */
    static final List<String> MOBILE_PREFIXES = List.of(
            "032", "033", "034", "035", "036", "037", "038", "039", "070", "077", "078", "079", "081", "082", "083",
            "084", "085", "086", "088", "090", "091", "093", "094", "096", "097", "098");

    /**
     * Values of text facts ({@code details.<code>}) by field code; {@link #GENERIC_DETAIL} for codes not
     * listed. Placeholders as above, plus {@code {n}} and {@code {m}} (small numbers), {@code {date}}
     * (yyMMdd), {@code {province}} (the province's name).
     */
    private static final Map<String, List<String>> DETAILS = Map.of(
            "roadName",
            List.of("Quốc lộ 7A", "Quốc lộ 46", "Đường tỉnh 534", "Đường liên xã qua xóm {xom}"),
            "poleNumber",
            List.of("C{n}-{m}", "Cột số {n}", "DC-{n}/{m}"),
            "projectName",
            List.of(
                    "Dự án mở rộng Quốc lộ 7A đoạn qua {place}",
                    "Dự án đường ven biển Nghi Sơn – Cửa Lò",
                    "Khu tái định cư xóm {xom}, {place}",
                    "Dự án khu công nghiệp Hoàng Mai II"),
            "landParcel",
            List.of("Thửa đất số {n}, tờ bản đồ số {m}", "Thửa {n}, tờ bản đồ {m}"),
            "decisionNumber",
            List.of("{n}/QĐ-UBND", "{n}/QĐ-UBND ngày {date}"),
            "issuingAuthority",
            List.of("UBND tỉnh {province}", "UBND {place}", "Sở Nông nghiệp và Môi trường {province}"),
            "subjectAuthority",
            List.of(
                    "UBND {place}",
                    "Công an {place}",
                    "Văn phòng đăng ký đất đai tỉnh {province}",
                    "Trạm y tế {place}"),
            "dossierNumber",
            List.of("H40.{m}-{date}-{n}", "000.00.40.H40-{date}-{n}"),
            "procedureName",
            List.of(
                    "Cấp giấy chứng nhận quyền sử dụng đất lần đầu",
                    "Đăng ký khai sinh",
                    "Chứng thực bản sao từ bản chính",
                    "Cấp giấy phép xây dựng nhà ở riêng lẻ"));

    private static final List<String> GENERIC_DETAIL = List.of("Theo hồ sơ gửi kèm", "Chưa rõ, đề nghị xác minh");

    private Texts() {}

    /** A template for a text fact, by field code. */
    static String detail(String fieldCode, RandomGenerator random) {
        List<String> values = DETAILS.getOrDefault(fieldCode, GENERIC_DETAIL);
        return values.get(random.nextInt(values.size()));
    }

    /** A title and a description, with placeholders. */
    record Template(String title, String description) {}

    private static Template pair(String title, String description) {
        return new Template(title, description);
    }

    /** @return a title and description template for the category */
    static Template forCategory(String category, RandomGenerator random) {
        List<Template> pairs = BY_CATEGORY.getOrDefault(category, GENERIC);
        return pairs.get(random.nextInt(pairs.size()));
    }

    static List<String> closings(String kind) {
        return switch (kind) {
            case "complaint" -> CLOSINGS_COMPLAINT;
            case "denunciation" -> CLOSINGS_DENUNCIATION;
            default -> CLOSINGS_RECOMMENDATION;
        };
    }
}
