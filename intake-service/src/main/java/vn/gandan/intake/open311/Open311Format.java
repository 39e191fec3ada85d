package vn.gandan.intake.open311;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;

/** The two formats GeoReport v2 names, chosen by the resource's suffix ({@code services.xml}). */
enum Open311Format {
    XML(MediaType.parseMediaType("text/xml;charset=UTF-8")),
    JSON(MediaType.parseMediaType("application/json;charset=UTF-8"));

    /** The path variable pattern of a suffix: Spring no longer matches suffixes by itself. */
    static final String SUFFIX = ".{format:json|xml}";

    final MediaType mediaType;

    Open311Format(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    static Open311Format of(String suffix) {
        return "xml".equals(suffix) ? XML : JSON;
    }

    /** For errors raised before or outside a handler: XML when the path asks for it, else JSON. */
    static Open311Format of(HttpServletRequest request) {
        return request.getRequestURI().endsWith(".xml") ? XML : JSON;
    }
}
