/**
 * The form's translations travel as hidden gadgets of their own, one per language
 * (`HelpdeskForm-i18n-<lang>` in Gadgets-definition.txt), so that a user downloads
 * the form with English and their own language only. Each registers its messages
 * here; the loader and the form ask ResourceLoader for the ones the user needs.
 *
 * Adding a language: add `i18n/<lang>.json` and its line to Gadgets-definition.txt,
 * `* HelpdeskForm-i18n-<lang>[ResourceLoader|hidden|targets=desktop,mobile]|HelpdeskForm-i18n-<lang>.js`
 * (the build refuses one without the other).
 */

/** ResourceLoader's name of the form module (gadget `HelpdeskForm`). */
export const FORM_MODULE = 'ext.gadget.HelpdeskForm';

/** ResourceLoader's name of the module of the user's own requests (gadget `HelpdeskOwn`). */
export const OWN_MODULE = 'ext.gadget.HelpdeskOwn';

/** ResourceLoader's name of the translation module of `language`. */
export function translationModule( language: string ): string {
	return FORM_MODULE + '-i18n-' + language;
}

/** Messages by key, as a translation module registers them (without `@metadata`). */
export type FormMessages = Readonly<Record<string, string>>;

/** The translations loaded so far, by language: `mw.libs.helpdeskFormMessages`. */
export function translationRegistry(): Record<string, FormMessages> {
	const libs = mw.libs as { helpdeskFormMessages?: Record<string, FormMessages> };
	if ( !libs.helpdeskFormMessages ) {
		libs.helpdeskFormMessages = {};
	}
	return libs.helpdeskFormMessages;
}
