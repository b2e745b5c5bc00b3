/**
 * A translation module (hidden gadget `HelpdeskForm-i18n-<lang>`): the build makes
 * one from each gadget/i18n/<lang>.json but English, which the form module carries.
 */
import { translationRegistry } from './translations';

translationRegistry()[ HELPDESK_TRANSLATION_LANGUAGE ] = HELPDESK_TRANSLATION_MESSAGES;
