package org.graphstatus.security;

/** A bearer token that must be refused with 401; the message is written for the client. */
public class InvalidTokenException extends Exception {

    public InvalidTokenException(String message) {
        super(message, null, false, false);
    }
}
