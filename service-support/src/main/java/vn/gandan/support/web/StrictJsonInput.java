package vn.gandan.support.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.regex.Pattern;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies say what they mean (docs/adr/0014-hostile-input.md): a JSON number or boolean where a string is
 * expected, a string where a number or boolean is, a fraction where a whole number is, a number (or a string of
 * digits) where a date-time is, is a 400 naming the field, not a value Jackson made up ({@code true} as the title
 * "true", {@code 5.7} days as 5, {@code 12345} as a moment of 1970). Only reading changes; answers are written as
 * before, and events have their own mapper.
 */
final class StrictJsonInput implements JsonMapperBuilderCustomizer {

    @Override
    public void customize(JsonMapper.Builder builder) {
        builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .withCoercionConfig(
                        LogicalType.Textual, text -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, number -> number.setCoercion(
                                CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Float, number -> number.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Boolean, truth -> truth.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                // Jackson reads numbers, and strings of digits, as seconds since 1970, asking no coercion rule.
                .addModule(new SimpleModule("gandan-iso-date-times")
                        .addDeserializer(Instant.class, new IsoOnly<>(Instant.class, InstantDeserializer.INSTANT))
                        .addDeserializer(
                                OffsetDateTime.class,
                                new IsoOnly<>(OffsetDateTime.class, InstantDeserializer.OFFSET_DATE_TIME))
                        .addDeserializer(
                                ZonedDateTime.class,
                                new IsoOnly<>(ZonedDateTime.class, InstantDeserializer.ZONED_DATE_TIME)));
    }

    /** A date-time only as an ISO-8601 string, then read by Jackson's own deserializer. */
    static final class IsoOnly<T> extends ValueDeserializer<T> {

        private static final Pattern NUMBER = Pattern.compile("\\s*-?\\d+(\\.\\d*)?\\s*");

        private final Class<T> type;
        private final ValueDeserializer<? extends T> iso;

        IsoOnly(Class<T> type, ValueDeserializer<? extends T> iso) {
            this.type = type;
            this.iso = iso;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)
                    || NUMBER.matcher(parser.getString()).matches()) {
                return (T) context.handleUnexpectedToken(type, parser);
            }
            return iso.deserialize(parser, context);
        }
    }
}
