package io.tijarat.core.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * Size, modification time and file key (inode) of a file: when all three are unchanged since the last
 * scan, the file is not read again. A replacement by rename changes the key; an in-place overwrite
 * changes the time and usually the size. Immutable.
 */
record FileStamp(long size, FileTime modified, Object fileKey) {

    static FileStamp of(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return new FileStamp(attributes.size(), attributes.lastModifiedTime(), attributes.fileKey());
    }
}
