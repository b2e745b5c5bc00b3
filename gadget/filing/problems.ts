/**
 * What went wrong when talking to the wiki, as the form tells the user: a message
 * of ours in their language, the wiki's own explanation where it has one (an abuse
 * filter's text, a block reason), whether trying again as it is can work, and the
 * promise that the draft stays. Codes are MediaWiki API error codes.
 */

/** One error as the API reports it with `errorformat=html` (or `bc`, converted). */
export interface ApiError {
	code: string;
	/** The wiki's message, already HTML, in the user's language. */
	html?: string;
	/** Plain text (`errorformat=bc`'s `info`). */
	text?: string;
	/** Machine-readable details (`abusefilter`, `spamblacklist`, `blockinfo`…). */
	data?: Record<string, unknown>;
}

/** A failed API call: an API error, or an HTTP one (`code` `http`). */
export interface ApiFailure {
	code: string;
	errors: ApiError[];
	/** HTTP status for `http` failures; 0 when the wiki could not be reached. */
	httpStatus?: number;
}

export interface FilingProblem {
	/** The API error code (or `notloggedin`, `captcha-unsupported`, `http`…). */
	code: string;
	/** Our message for it. */
	messageKey: string;
	params: string[];
	/** Every failure keeps the draft: it is removed only after filing. */
	keepDraft: true;
	/** Whether sending the same request again may work (now or a little later). */
	retry: boolean;
	/** The wiki's own explanation, as HTML, to show under our message. */
	detailHtml?: string;
	/** Suggest going on in the ordinary editor (nothing else the form can do). */
	suggestEditor: boolean;
}

export interface ProblemContext {
	/** Where to log in and come back to the form. */
	loginUrl: string;
}

function isRecord( value: unknown ): value is Record<string, unknown> {
	return !!value && typeof value === 'object' && !Array.isArray( value );
}

/**
 * The failure in one shape, from what `mw.Api` rejects with: `( code, result )`,
 * where result is the API response (`errors` or `error`) or, for `http`, `{ xhr,
 * textStatus }`.
 */
export function failureFrom( code: unknown, result?: unknown ): ApiFailure {
	const failure: ApiFailure = { code: typeof code === 'string' && code !== '' ? code : 'unknown', errors: [] };
	if ( failure.code === 'http' ) {
		// 0: the wiki was not reached at all.
		failure.httpStatus = isRecord( result ) && isRecord( result.xhr ) && typeof result.xhr.status === 'number' ? result.xhr.status : 0;
	}
	if ( !isRecord( result ) ) {
		return failure;
	}
	if ( Array.isArray( result.errors ) ) {
		failure.errors = result.errors.filter( isRecord ).map( ( entry ) => {
			const error: ApiError = { code: typeof entry.code === 'string' ? entry.code : failure.code };
			const html = typeof entry.html === 'string' ? entry.html : entry[ '*' ];
			if ( typeof html === 'string' ) {
				error.html = html;
			}
			if ( typeof entry.text === 'string' ) {
				error.text = entry.text;
			}
			if ( isRecord( entry.data ) ) {
				error.data = entry.data;
			}
			return error;
		} );
	} else if ( isRecord( result.error ) ) {
		// errorformat=bc puts the details next to the code.
		const bc = result.error;
		const data: Record<string, unknown> = {};
		Object.keys( bc ).forEach( ( key ) => {
			if ( key !== 'code' && key !== 'info' && key !== '*' && key !== 'docref' ) {
				data[ key ] = bc[ key ];
			}
		} );
		failure.errors = [ {
			code: typeof bc.code === 'string' ? bc.code : failure.code,
			text: typeof bc.info === 'string' ? bc.info : undefined,
			data: data,
		} ];
	}
	return failure;
}

function escapeHtml( text: string ): string {
	return text.replace( /[&<>"']/g, ( ch ) => '&#' + ch.charCodeAt( 0 ) + ';' );
}

/** The wiki's explanation of the failure, as HTML. */
function detailOf( failure: ApiFailure ): string | undefined {
	const parts = failure.errors
		.map( ( error ) => error.html !== undefined ? error.html : error.text !== undefined ? escapeHtml( error.text ) : '' )
		.filter( ( html ) => html.trim() !== '' );
	return parts.length ? parts.join( '\n' ) : undefined;
}

function dataOf( failure: ApiFailure, name: string ): Record<string, unknown> | null {
	for ( const error of failure.errors ) {
		if ( error.data && isRecord( error.data[ name ] ) ) {
			return error.data[ name ] as Record<string, unknown>;
		}
	}
	return null;
}

/** Matched URLs of a spam blacklist hit. */
function spamMatches( failure: ApiFailure ): string[] {
	const data = dataOf( failure, 'spamblacklist' );
	const matches = data && Array.isArray( data.matches ) ? data.matches : [];
	return matches.filter( ( match ): match is string => typeof match === 'string' );
}

interface Rule {
	messageKey: string;
	retry: boolean;
	/** Show the wiki's explanation under ours. */
	detail: boolean;
	suggestEditor?: boolean;
	params?: ( failure: ApiFailure, context: ProblemContext ) => string[];
}

const login = ( _failure: ApiFailure, context: ProblemContext ): string[] => [ context.loginUrl ];

const protectedPage: Rule = { messageKey: 'helpdesk-error-protected', retry: false, detail: true };
const permissionDenied: Rule = { messageKey: 'helpdesk-error-permissiondenied', retry: false, detail: true };
const session: Rule = { messageKey: 'helpdesk-error-session', retry: true, detail: false, params: login };

/** API error codes the form explains in its own words. */
export const RULES: Readonly<Record<string, Rule>> = {
	badtoken: { messageKey: 'helpdesk-error-badtoken', retry: true, detail: false },
	assertuserfailed: session,
	assertnameduserfailed: session,
	notloggedin: { messageKey: 'helpdesk-error-notloggedin', retry: true, detail: false, params: login },
	blocked: { messageKey: 'helpdesk-error-blocked', retry: false, detail: true },
	autoblocked: { messageKey: 'helpdesk-error-autoblocked', retry: false, detail: true },
	'abusefilter-disallowed': { messageKey: 'helpdesk-error-abusefilter-disallowed', retry: false, detail: true },
	// MediaWiki lets the same edit through when it is sent again after the warning.
	'abusefilter-warning': { messageKey: 'helpdesk-error-abusefilter-warning', retry: true, detail: true },
	spamblacklist: {
		messageKey: 'helpdesk-error-spamblacklist',
		retry: false,
		detail: false,
		params: ( failure ) => [ spamMatches( failure ).join( ', ' ) ],
	},
	'titleblacklist-forbidden': { messageKey: 'helpdesk-error-titleblacklist', retry: false, detail: true },
	articleexists: { messageKey: 'helpdesk-error-articleexists', retry: true, detail: false },
	protectedpage: protectedPage,
	protectedtitle: protectedPage,
	cascadeprotected: protectedPage,
	protectednamespace: protectedPage,
	permissiondenied: permissionDenied,
	cantcreate: permissionDenied,
	readonly: { messageKey: 'helpdesk-error-readonly', retry: true, detail: true },
	maxlag: { messageKey: 'helpdesk-error-maxlag', retry: true, detail: false },
	ratelimited: { messageKey: 'helpdesk-error-ratelimited', retry: true, detail: false },
	'captcha-unsupported': { messageKey: 'helpdesk-error-captcha-unsupported', retry: false, detail: false, suggestEditor: true },
};

/** What to tell the user about a failure. */
export function problemFor( failure: ApiFailure, context: ProblemContext ): FilingProblem {
	const code = failure.code;
	if ( code === 'http' || code === 'ok-but-empty' ) {
		const status = failure.httpStatus || 0;
		const reached = code === 'ok-but-empty' || status > 0;
		return {
			code: code,
			messageKey: reached ? 'helpdesk-error-server' : 'helpdesk-error-http',
			params: reached ? [ String( status || 200 ) ] : [],
			keepDraft: true,
			retry: true,
			suggestEditor: false,
		};
	}
	const rule = Object.prototype.hasOwnProperty.call( RULES, code ) ? RULES[ code ] : null;
	const problem: FilingProblem = rule ? {
		code: code,
		messageKey: rule.messageKey,
		params: rule.params ? rule.params( failure, context ) : [],
		keepDraft: true,
		retry: rule.retry,
		suggestEditor: !!rule.suggestEditor,
	} : {
		code: code,
		messageKey: 'helpdesk-error-unknown',
		params: [ code ],
		keepDraft: true,
		retry: true,
		suggestEditor: true,
	};
	const detail = !rule || rule.detail ? detailOf( failure ) : undefined;
	if ( detail !== undefined ) {
		problem.detailHtml = detail;
	}
	return problem;
}
