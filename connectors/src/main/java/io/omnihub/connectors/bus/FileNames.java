package io.omnihub.connectors.bus;

/** File names as browsers and mail clients send them, reduced to what is safe to keep and show. */
public final class FileNames {

    private FileNames() {
    }

    /** The last path segment (some browsers send a whole path), or "file" when nothing is left. */
    public static String baseName(String name) {
        if (name == null) {
            return "file";
        }
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        return base.isEmpty() ? "file" : base;
    }
}
