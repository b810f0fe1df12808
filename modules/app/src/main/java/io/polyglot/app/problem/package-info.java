/**
 * RFC 9457 problem details shared by the MVC advice and the servlet filters that answer
 * before MVC is reached.
 */
@NullMarked
package io.polyglot.app.problem;

import org.jspecify.annotations.NullMarked;
