/**
 * Results files: JSON, Markdown and a self-contained HTML page with verdicts.
 */
@NullMarked
package io.polyglot.bench.report;

import org.jspecify.annotations.NullMarked;
