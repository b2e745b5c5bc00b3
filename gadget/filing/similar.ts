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
	/** Its affiliate and partners (and any other line of its text), folded for matching. */
	lines: string[];
}

export interface SimilarRequest {
	title: string;
	/** The request's own title (the page's name after the prefix). */
	name: string;
}

/** A batch of `generator=allpages … prop=revisions` (formatversion 2). */
export interface FiledRequestsResponse {
	continue?: Record<string, string>;
	query?: { pages?: { title: string; revisions?: { slots: { main?: { content: string } } }[] }[] };
}

export interface SimilarApi {
	/** One batch of request pages with their wikitext; `from` continues after the last batch. */
	requestPages( from: Record<string, string> | null ): Promise<FiledRequestsResponse>;
}

/**
 * A request page as the codec writes it: `| affiliate = …` and the list entries
 * (`* …`) become the names they hold, each on a line.
 */
export function filedRequest( title: string, wikitext: string ): FiledRequest {
	return {
		title: title,
		lines: decodeReferences( wikitext ).split( '\n' ).map( ( line ) => foldForMatching( line.replace( /^(?:\|\s*affiliate\s*=|\*+)/, '' ) ) ),
	};
}

/** Every request page (subpages of the requests prefix), read in at most six batches of 50. */
export async function readFiledRequests( api: SimilarApi ): Promise<FiledRequest[]> {
	const requests: FiledRequest[] = [];
	let from: Record<string, string> | null = null;
	for ( let batch = 0; batch < 6; batch++ ) {
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

/** The telling words of a title (words of up to four letters are mostly "of", "with", "help", "och"…). */
function words( text: string ): string[] {
	return foldForMatching( text ).split( ' ' ).filter( ( word, index, all ) => word.length > 4 && all.indexOf( word ) === index );
}

/** Whether two titles share most of their telling words (Dice coefficient of at least one half). */
export function similarTitles( a: string, b: string ): boolean {
	const left = words( a );
	const right = words( b );
	return left.length > 0 && 2 * left.filter( ( word ) => right.includes( word ) ).length / ( left.length + right.length ) >= 0.5;
}

/** The filed requests that look like `fields`, those with the most in common first, at most five. */
export function similarRequests( fields: RequestFormFields, filed: readonly FiledRequest[] ): SimilarRequest[] {
	const names = [ fields.affiliate ].concat( fields.partners ).map( foldForMatching ).filter( ( name ) => name !== '' );
	return filed.map( ( request ) => {
		const name = request.title.slice( REQUESTS_PREFIX.length );
		const sameName = names.some( ( typed ) => request.lines.includes( typed ) );
		const score = ( sameName ? 2 : 0 ) + ( similarTitles( fields.title, name ) ? 1 : 0 );
		return { title: request.title, name: name, score: score };
	} ).filter( ( request ) => request.score > 0 )
		.sort( ( a, b ) => b.score - a.score )
		.slice( 0, 5 );
}

/**
 * Finds similar requests for the form as the user types: waits until typing
 * pauses, reads the filed requests once (again after a failure), and reports.
 */
export class SimilarRequestsWatcher {
	declare private filed: Promise<FiledRequest[]> | null;

	declare private timer: ReturnType<typeof setTimeout> | undefined;

	declare private readonly api: SimilarApi;

	declare private readonly report: ( similar: SimilarRequest[] ) => void;

	public constructor( api: SimilarApi, report: ( similar: SimilarRequest[] ) => void ) {
		this.api = api;
		this.report = report;
		this.filed = null;
	}

	/** The fields changed: compare once typing pauses. */
	public changed( fields: RequestFormFields ): void {
		clearTimeout( this.timer );
		this.timer = setTimeout( () => this.check( fields ), 400 );
	}

	/** Compare now; resolves once reported (or given up). */
	public check( fields: RequestFormFields ): Promise<void> {
		const reading = this.filed || ( this.filed = readFiledRequests( this.api ) );
		return reading.then( ( filed ) => this.report( similarRequests( fields, filed ) ), () => {
			// Offline or refused: nothing to show; read again next time.
			this.filed = null;
		} );
	}
}
