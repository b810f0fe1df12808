package io.polyglot.app.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import io.polyglot.app.problem.Problems;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's last word as problem+json instead of its HTML error page: requests Tomcat
 * refuses before the application sees them (a header over the size limit, too many
 * headers, a NUL in a header) and errors with no error page to render them. The body is
 * fixed text: nothing of the refused request is echoed back.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int code = response.getStatus();
		if (code < 400 || response.getContentWritten() > 0) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(true);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get() || !response.setErrorReported()) {
			return;
		}
		HttpStatus status = HttpStatus.resolve(code);
		String title = (status != null) ? status.getReasonPhrase() : "Error";
		String detail = (code >= 500) ? "The service failed to handle the request."
				: (code == 400) ? "The request is malformed (for example a header that is too large, too many headers"
						+ " or a forbidden character in a header)." : title + ".";
		String type = (status != null) ? Problems.typeFor(status).toString() : Problems.TYPE_BASE + "error";
		String body = "{\"type\":\"" + type + "\",\"title\":\"" + title + "\",\"status\":" + code + ",\"detail\":\""
				+ detail + "\"}";
		try {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(body);
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone or the response was committed meanwhile: nothing to add
		}
	}

}
