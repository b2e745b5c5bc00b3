/**
 * sessionStorage keys by which the form hands over to the next page. The loader
 * only looks whether one is set, so it loads the form module on that page alone.
 */

/** The request just filed: the new page shows a confirmation. */
export const FILED_KEY = 'helpdesk-filed';

/** The wikitext of a request that goes on in the ordinary editor. */
export const EDITOR_KEY = 'helpdesk-editor-text';
