/**
 * Constants the build (scripts/build.ts) puts into the gadget.
 */

/** The commit the gadget was built from, e.g. `1a2b3c4` or `1a2b3c4-dirty`. */
declare const HELPDESK_BUILD: string;

/** shared/pages.ts's HELPDESK_PAGE, for the loader (which does not import shared code). */
declare const HELPDESK_PAGE: string;

/** Languages that have a translation module (gadget/i18n/*.json but English), e.g. `[ 'ar', 'de' ]`. */
declare const HELPDESK_TRANSLATIONS: readonly string[];

/** In a translation module: its language. */
declare const HELPDESK_TRANSLATION_LANGUAGE: string;

/** In a translation module: its messages, without `@metadata`. */
declare const HELPDESK_TRANSLATION_MESSAGES: Readonly<Record<string, string>>;

/** In the HelpdeskOwn module: its messages (`helpdesk-own-*`) by language, English included. */
declare const HELPDESK_OWN_MESSAGES: Readonly<Record<string, Readonly<Record<string, string>>>>;
