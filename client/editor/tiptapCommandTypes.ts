/**
 * TipTap declares each extension's commands (toggleBold, insertTable, …) by augmenting
 * `@tiptap/core`'s types from the extension's own package. The extensions are mounted from
 * shared/editor, so these references make their commands known to the client's checker.
 */
/// <reference types="@tiptap/extension-bold" />
/// <reference types="@tiptap/extension-heading" />
/// <reference types="@tiptap/extension-italic" />
/// <reference types="@tiptap/extension-link" />
/// <reference types="@tiptap/extension-list" />
/// <reference types="@tiptap/extension-paragraph" />
/// <reference types="@tiptap/extension-table" />
