package vn.gandan.testsupport.sweep;

/** What the service answered to a probe. */
public record Answer(int status, String contentType, String body) {}
