package org.zhibao.screening;

/** An input line that could not be read, with its 1-based number and the reason. */
public record BadLine(long lineNumber, String reason) {

    @Override
    public String toString() {
        return "line " + lineNumber + ": " + reason;
    }
}
