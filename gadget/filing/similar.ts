/**
 * Requests that look like the one being filed: from the same affiliate, with the
 * same partner, or with a similar title. The form shows them while the user
 * types, before anything is saved, so that a request is not filed twice.
 *
 * The requests are read once per page through the API (their titles and wikitext,
 * in batches), then compared here; a failed read shows nothing and is tried again
 * later, so that the form works offline as before.
 */
import { REQUESTS_PREFIX } from '../../shared/pages';
import type { RequestFormFields } from '../../shared/request';
import { decodeReferences } from '../../shared/title-text';
import { foldForMatching } from './country-names';

/** What the comparison needs of a request already filed. */
export interface FiledRequest {
	/** The page, with the requests prefix. */
	title: string;
	affiliate: string;
	partners: string[];
}

/** Why a request looks similar; each has its message, `helpdesk-similar-reason-<reason>`. */
export const SIMILARITY_REASONS = [ 'affiliate', 'partner', 'title' ] as const;
export type SimilarityReason = typeof SIMILARITY_REASONS[ number ];

export interface SimilarRequest {
	title: string;
	/** The request's own title (the page's name after the prefix). */
	name: string;
	reasons: SimilarityReason[];
}

/** A page of `generator=allpages … prop=revisions` (formatversion 2). */
export interface FiledRequestsResponse {
	continue?: Record<string, string>;
	query?: {
		pages?: {
			title: string;
			revisions?: { slots: { main?: { content: string } } }[];
		}[];
	};
}

export interface SimilarApi {
	/** One batch of request pages with their wikitext; `from` continues after the last batch. */
	requestPages( from: Record<string, string> | null ): Promise<FiledRequestsResponse>;
}

/** At most this many batches (of up to 50 pages) are read. */
const MAX_BATCHES = 6;

/** The affiliate and partners of a request page, read as the codec writes them. */
export function filedRequest( title: string, wikitext: string ): FiledRequest {
	// A parameter's value runs to the next line starting a parameter or ending the call.
	const value = ( name: string ): string[] => {
		const match = new RegExp( '\\n\\|\\s*' + name + '\\s*=([^]*?)\\n[|}]' ).exec( '\n' + wikitext.replace( /\r/g, '' ) + '\n}' );
		return ( match ? match[ 1 ] : '' ).split( '\n' )
			.map( ( line ) => decodeReferences( line.replace( /^\*+/, '' ) ).trim() )
			.filter( ( line ) => line !== '' );
	};
	return { title: title, affiliate: value( 'affiliate' ).join( ' ' ), partners: value( 'partners' ) };
}

/** Every request page (subpages of the requests prefix), read in batches. */
export async function readFiledRequests( api: SimilarApi ): Promise<FiledRequest[]> {
	const requests: FiledRequest[] = [];
	let from: Record<string, string> | null = null;
	for ( let batch = 0; batch < MAX_BATCHES; batch++ ) {
		const response: FiledRequestsResponse = await api.requestPages( from );
		( response.query && response.query.pages || [] ).forEach( ( page ) => {
			const main = page.revisions && page.revisions[ 0 ].slots.main;
			if ( main && page.title.indexOf( REQUESTS_PREFIX ) === 0 ) {
				requests.push( filedRequest( page.title, main.content ) );
			}
		} );
		if ( !response.continue ) {
			break;
		}
		from = response.continue;
	}
	return requests;
}

/** Words that say little about what a request is about. */
const COMMON_WORDS = /^(?:the|and|for|from|with|of|to|in|on|an?|help|request|support|och|med|av|und|der|die|das|von|et|de|des|la|le|les|el|y)$/;

function words( text: string ): string[] {
	return foldForMatching( text ).split( ' ' ).filter( ( word ) => word.length > 1 && !COMMON_WORDS.test( word ) );
}

/** Whether two titles share most of their telling words (Dice coefficient of at least one half). */
export function similarTitles( a: string, b: string ): boolean {
	const left = words( a ).filter( ( word, index, all ) => all.indexOf( word ) === index );
	const right = words( b ).filter( ( word, index, all ) => all.indexOf( word ) === index );
	if ( left.length === 0 || right.length === 0 ) {
		return false;
	}
	const shared = left.filter( ( word ) => right.includes( word ) ).length;
	return 2 * shared / ( left.length + right.length ) >= 0.5;
}

function same( a: string, b: string ): boolean {
	const folded = foldForMatching( a );
	return folded !== '' && folded === foldForMatching( b );
}

/**
 * The filed requests that look like `fields`, those with the most in common
 * first, at most `limit`.
 */
export function similarRequests( fields: RequestFormFields, filed: readonly FiledRequest[], limit = 5 ): SimilarRequest[] {
	const names = [ fields.affiliate ].concat( fields.partners ).filter( ( name ) => foldForMatching( name ) !== '' );
	const found: SimilarRequest[] = [];
	filed.forEach( ( request ) => {
		const name = request.title.slice( REQUESTS_PREFIX.length );
		const reasons: SimilarityReason[] = [];
		if ( fields.affiliate && same( fields.affiliate, request.affiliate ) ) {
			reasons.push( 'affiliate' );
		}
		if ( names.some( ( typed ) => request.partners.some( ( partner ) => same( typed, partner ) ) ) ) {
			reasons.push( 'partner' );
		}
		if ( similarTitles( fields.title, name ) ) {
			reasons.push( 'title' );
		}
		if ( reasons.length ) {
			found.push( { title: request.title, name: name, reasons: reasons } );
		}
	} );
	return found
		.sort( ( a, b ) => b.reasons.length - a.reasons.length )
		.slice( 0, limit );
}

/** What decides the similar requests: another key, another look. */
export function similarityKey( fields: RequestFormFields ): string {
	return JSON.stringify( [ words( fields.title ), foldForMatching( fields.affiliate ), fields.partners.map( foldForMatching ) ] );
}

/**
 * Finds similar requests for the form as the user types: waits until typing
 * pauses, reads the filed requests once (again after a failure), and reports
 * the result when the fields still are what was looked at.
 */
export class SimilarRequestsWatcher {
	declare private filed: Promise<FiledRequest[]> | null;

	declare private timer: ReturnType<typeof setTimeout> | undefined;

	declare private shownKey: string;

	declare private readonly api: SimilarApi;

	declare private readonly report: ( similar: SimilarRequest[] ) => void;

	declare private readonly delay: number;

	public constructor( api: SimilarApi, report: ( similar: SimilarRequest[] ) => void, delay = 400 ) {
		this.api = api;
		this.report = report;
		this.delay = delay;
		this.filed = null;
		this.shownKey = '';
	}

	/** The fields changed. */
	public changed( fields: RequestFormFields ): void {
		clearTimeout( this.timer );
		this.timer = setTimeout( () => this.check( fields ), this.delay );
	}

	/** Compare now; resolves once reported (or given up). */
	public check( fields: RequestFormFields ): Promise<void> {
		const key = similarityKey( fields );
		if ( key === this.shownKey ) {
			return Promise.resolve();
		}
		if ( !this.filed ) {
			this.filed = readFiledRequests( this.api );
		}
		const reading = this.filed;
		return reading.then( ( filed ) => {
			this.shownKey = key;
			this.report( similarRequests( fields, filed ) );
		}, () => {
			// Offline or refused: nothing to show; read again next time.
			if ( this.filed === reading ) {
				this.filed = null;
			}
		} );
	}
}
