/**
 * Previewing and filing a request, against a small interface to the wiki's API so
 * that the whole flow runs in tests with a fake wiki and in the browser with an
 * `mw.Api` adapter. The flow: find the first free title among the candidates with
 * one query, create the page there (`createonly`), and deal with what the wiki
 * answers: another title when one was taken meanwhile, a fresh token once, a
 * CAPTCHA to show, anything else as a problem for the user.
 */
import { renderRequestPage } from '../../shared/codec';
import type { HelpdeskRequest } from '../../shared/request';
import { candidateTitles } from '../../shared/title';
import { ApiFailure, FilingProblem, problemFor, ProblemContext } from './problems';

export interface QueryResponse {
	query?: {
		normalized?: { from: string; to: string }[];
		pages?: { title: string; missing?: boolean; invalid?: boolean; pageid?: number }[];
	};
}

export interface ParseResponse {
	parse: {
		text: string;
		modules?: string[];
		modulestyles?: string[];
	};
}

export interface EditParams {
	title: string;
	text: string;
	summary: string;
	createonly: true;
	watchlist: 'watch';
	/** Fails with `assertuserfailed` instead of saving as an IP when the session has ended. */
	assert?: 'user';
	captchaid?: string;
	captchaword?: string;
}

/** What ConfirmEdit puts in `edit.captcha`. */
export interface CaptchaChallenge {
	id: string;
	/** `image`, `simple`, `math`, `question`… */
	type: string;
	mime: string;
	/** Image CAPTCHAs: the image's URL. */
	url?: string;
	/** Text CAPTCHAs: the question (HTML when `mime` is `text/html`). */
	question?: string;
}

export interface EditResponse {
	edit?: {
		result: string;
		title?: string;
		pageid?: number;
		newrevid?: number;
		captcha?: Partial<CaptchaChallenge> & Record<string, unknown>;
	};
}

/**
 * The wiki, as far as the form needs it. Every method rejects with an ApiFailure;
 * common parameters (format, language, error format) are the adapter's business.
 */
export interface RequestApi {
	/** `action=query&titles=…` (formatversion 2). */
	query( params: { titles: string[] } ): Promise<QueryResponse>;
	/** `action=parse` of wikitext as the page `title` (pst, no edit links). */
	parse( params: { title: string; text: string } ): Promise<ParseResponse>;
	/** `action=edit` with a CSRF token. */
	edit( params: EditParams ): Promise<EditResponse>;
	/** Forget the cached CSRF token, so the next edit fetches a fresh one. */
	renewToken(): void;
}

/** How many candidate titles one existence query asks about. */
export const TITLES_PER_QUERY = 10;

/** After this many taken batches something is wrong; stop asking. */
const MAX_QUERIES = 5;

export interface FilingTexts {
	/** Edit summary, in the user's language. */
	summary: string;
	/** Heading of the discussion section, in the user's language. */
	discussionHeading: string;
}

export function requestWikitext( request: HelpdeskRequest, texts: FilingTexts ): string {
	return renderRequestPage( request, { discussionHeading: texts.discussionHeading } );
}

function isApiFailure( value: unknown ): value is ApiFailure {
	return !!value && typeof value === 'object' && typeof ( value as ApiFailure ).code === 'string' &&
		Array.isArray( ( value as ApiFailure ).errors );
}

/** Anything thrown (a bug in an adapter included) as a failure to report. */
function asFailure( thrown: unknown ): ApiFailure {
	return isApiFailure( thrown ) ? thrown : { code: 'internal', errors: [ { code: 'internal', text: String( thrown ) } ] };
}

export interface TitleCheck {
	/** Free candidates, in order of preference, as the wiki spells them. */
	free: string[];
	/** Candidates that exist already. */
	taken: string[];
}

/** Which of `titles` exist, from one query. */
export function titleCheck( titles: readonly string[], response: QueryResponse ): TitleCheck {
	const query = response.query || {};
	const spelled: Record<string, string> = {};
	( query.normalized || [] ).forEach( ( pair ) => {
		spelled[ pair.from ] = pair.to;
	} );
	const pages: Record<string, { missing?: boolean; invalid?: boolean }> = {};
	( query.pages || [] ).forEach( ( page ) => {
		pages[ page.title ] = page;
	} );
	const check: TitleCheck = { free: [], taken: [] };
	titles.forEach( ( title ) => {
		const name = Object.prototype.hasOwnProperty.call( spelled, title ) ? spelled[ title ] : title;
		const page = Object.prototype.hasOwnProperty.call( pages, name ) ? pages[ name ] : null;
		if ( !page || page.invalid ) {
			// Not answered or not a valid title: not a place to save.
			return;
		}
		( page.missing ? check.free : check.taken ).push( name );
	} );
	return check;
}

/** The free candidate titles of batch `batch` (from 0). */
async function freeTitles( api: RequestApi, requestTitle: string, batch: number ): Promise<TitleCheck> {
	const titles = candidateTitles( requestTitle, TITLES_PER_QUERY, undefined, 1 + batch * TITLES_PER_QUERY );
	return titleCheck( titles, await api.query( { titles: titles } ) );
}

export interface RequestPreview {
	/** Where the request would be filed now. */
	title: string;
	/** The page as the wiki renders it. */
	html: string;
	modules: string[];
	moduleStyles: string[];
	/** Requests with the same title that exist already (worth a look before filing). */
	sameTitle: string[];
	wikitext: string;
}

/** The request page as the wiki renders it, at the title it would get. Rejects with an ApiFailure. */
export async function previewRequest( api: RequestApi, request: HelpdeskRequest, texts: FilingTexts ): Promise<RequestPreview> {
	const wikitext = requestWikitext( request, texts );
	try {
		const check = await freeTitles( api, request.title, 0 );
		const title = check.free.length ? check.free[ 0 ] : candidateTitles( request.title, 1 )[ 0 ];
		const parsed = ( await api.parse( { title: title, text: wikitext } ) ).parse;
		return {
			title: title,
			html: parsed.text,
			modules: parsed.modules || [],
			moduleStyles: parsed.modulestyles || [],
			sameTitle: check.taken,
			wikitext: wikitext,
		};
	} catch ( e ) {
		throw asFailure( e );
	}
}

/**
 * Where the ordinary editor should create the request: the first free title, or
 * the bare one when the wiki cannot be asked (the editor will say if it exists).
 */
export function editorTitle( api: RequestApi, requestTitle: string ): Promise<string> {
	const bare = candidateTitles( requestTitle, 1 )[ 0 ];
	return freeTitles( api, requestTitle, 0 ).then(
		( check ) => check.free.length ? check.free[ 0 ] : bare,
		() => bare,
	);
}

export interface FilingAttempt {
	request: HelpdeskRequest;
	texts: FilingTexts;
	/** Whether the user is logged in (`wgUserName` is set). */
	loggedIn: boolean;
	/**
	 * Send the same edit to this title again: after a CAPTCHA or an abuse filter's
	 * warning, which both expect the very same edit.
	 */
	title?: string;
	captcha?: { id: string; word: string };
	context: ProblemContext;
}

export type FilingOutcome =
	| { status: 'filed'; title: string; wikitext: string }
	| { status: 'captcha'; title: string; captcha: CaptchaChallenge; wikitext: string }
	| { status: 'problem'; title: string | null; problem: FilingProblem; wikitext: string };

function captchaFrom( raw: Record<string, unknown> ): CaptchaChallenge | null {
	const id = raw.id;
	if ( typeof id !== 'string' && typeof id !== 'number' ) {
		return null;
	}
	const challenge: CaptchaChallenge = {
		id: String( id ),
		type: typeof raw.type === 'string' ? raw.type : '',
		mime: typeof raw.mime === 'string' ? raw.mime : '',
	};
	if ( typeof raw.url === 'string' ) {
		challenge.url = raw.url;
	}
	if ( typeof raw.question === 'string' ) {
		challenge.question = raw.question;
	}
	// Only CAPTCHAs with an image or a question can be answered inside the form.
	return challenge.url !== undefined || challenge.question !== undefined ? challenge : null;
}

/**
 * File the request: create its page under the first free title. Never rejects:
 * every way it can end is an outcome, and each carries the wikitext, so the
 * ordinary editor can take over.
 */
export async function fileRequest( api: RequestApi, attempt: FilingAttempt ): Promise<FilingOutcome> {
	const wikitext = requestWikitext( attempt.request, attempt.texts );
	const problem = ( failure: ApiFailure, title: string | null ): FilingOutcome => (
		{ status: 'problem', title: title, problem: problemFor( failure, attempt.context ), wikitext: wikitext }
	);
	if ( !attempt.loggedIn ) {
		return problem( { code: 'notloggedin', errors: [] }, null );
	}
	let queue: string[] = attempt.title ? [ attempt.title ] : [];
	let batch = 0;
	let tokenRenewed = false;
	let lastTitle: string | null = attempt.title || null;
	for ( ;; ) {
		if ( queue.length === 0 ) {
			if ( batch >= MAX_QUERIES ) {
				return problem( { code: 'articleexists', errors: [] }, lastTitle );
			}
			try {
				queue = ( await freeTitles( api, attempt.request.title, batch ) ).free
					.filter( ( free ) => free !== attempt.title );
			} catch ( e ) {
				return problem( asFailure( e ), lastTitle );
			}
			batch++;
			continue;
		}
		const title = queue[ 0 ];
		lastTitle = title;
		const params: EditParams = {
			title: title,
			text: wikitext,
			summary: attempt.texts.summary,
			createonly: true,
			watchlist: 'watch',
			assert: 'user',
		};
		if ( attempt.captcha ) {
			params.captchaid = attempt.captcha.id;
			params.captchaword = attempt.captcha.word;
		}
		let response: EditResponse;
		try {
			response = await api.edit( params );
		} catch ( e ) {
			const failure = asFailure( e );
			if ( failure.code === 'articleexists' ) {
				// Someone filed under this title since the query: take the next one.
				queue.shift();
				continue;
			}
			if ( failure.code === 'badtoken' && !tokenRenewed ) {
				tokenRenewed = true;
				api.renewToken();
				continue;
			}
			return problem( failure, title );
		}
		const edit = response.edit;
		if ( edit && edit.result === 'Success' ) {
			return { status: 'filed', title: edit.title || title, wikitext: wikitext };
		}
		if ( edit && edit.captcha ) {
			const captcha = captchaFrom( edit.captcha );
			return captcha ?
				{ status: 'captcha', title: title, captcha: captcha, wikitext: wikitext } :
				problem( { code: 'captcha-unsupported', errors: [] }, title );
		}
		return problem( { code: edit ? 'edit-' + String( edit.result ).toLowerCase() : 'edit-no-result', errors: [] }, title );
	}
}
