package vn.gandan.intake.submission;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.gandan.intake.normalization.PlainText;
import vn.gandan.support.web.FieldReason;

/**
 * The citizen's and the portal's free text of a petition checked by {@link PlainText}, before anything normalizes
 * it away, whichever API it came through (native, batch, Open311). Fields named as in the native JSON.
 */
final class HostileText {

    private HostileText() {}

    static List<FieldReason> check(NewPetition petition) {
        List<FieldReason> errors = new ArrayList<>();
        check("title", petition.title(), errors);
        check("description", petition.description(), errors);
        check("location.address", petition.address(), errors);
        if (petition.citizen() != null) {
            check("citizen.name", petition.citizen().name(), errors);
            check("citizen.address", petition.citizen().address(), errors);
        }
        for (int i = 0; i < petition.attachments().size(); i++) {
            check("attachments[" + i + "].name", petition.attachments().get(i).name(), errors);
        }
        for (Map.Entry<String, String> fact : petition.details().entrySet()) {
            check("details." + fact.getKey(), fact.getValue(), errors);
        }
        return errors;
    }

    private static void check(String field, String text, List<FieldReason> errors) {
        PlainText.trouble(text).ifPresent(code -> errors.add(FieldReason.of(field, code)));
    }
}
