/**
 * RequestApi on `mw.Api`: errors come as HTML in the user's language (with the
 * wiki's local overrides, such as an abuse filter's own warning), and every
 * rejection becomes an ApiFailure.
 */
import { failureFrom } from '../filing/problems';
import type { EditParams, EditResponse, ParseResponse, QueryResponse, RequestApi } from '../filing/save';
import type { FiledRequestsResponse, SimilarApi } from '../filing/similar';
import { REQUESTS_PREFIX } from '../../shared/pages';

/** The filing's API, and the request pages for comparing (SimilarApi). */
export function wikiApi( userLanguage: string ): RequestApi & SimilarApi {
	const api = new mw.Api( {
		parameters: {
			format: 'json',
			formatversion: 2,
			errorformat: 'html',
			errorlang: 'uselang',
			errorsuselocal: true,
			uselang: userLanguage,
		},
	} );
	/** Titles of requests can be long and non-Latin: POST keeps URLs short. */
	function post<T>( params: Parameters<typeof api.post>[ 0 ] ): Promise<T> {
		return new Promise<T>( ( resolve, reject ) => {
			api.post( params ).then(
				( result ) => resolve( result as unknown as T ),
				( code: unknown, result: unknown ) => reject( failureFrom( code, result ) ),
			);
		} );
	}
	return {
		query: ( params ) => post<QueryResponse>( { action: 'query', titles: params.titles } ),
		parse: ( params ) => post<ParseResponse>( {
			action: 'parse',
			title: params.title,
			text: params.text,
			contentmodel: 'wikitext',
			pst: true,
			disableeditsection: true,
			disablelimitreport: true,
			prop: 'text|modules',
		} ),
		edit: ( params: EditParams ) => new Promise<EditResponse>( ( resolve, reject ) => {
			// The token is fetched (and cached) here; the filing flow renews it once on `badtoken`.
			api.getToken( 'csrf' ).then( ( token: string ) => {
				post<EditResponse>( Object.assign( { action: 'edit', token: token }, params ) as unknown as Parameters<typeof api.post>[ 0 ] ).then( resolve, reject );
			}, ( code: unknown, result: unknown ) => reject( failureFrom( code, result ) ) );
		} ),
		renewToken: () => {
			api.badToken( 'csrf' );
		},
		// The request pages with their wikitext, 50 at a time (the most the API gives with content).
		requestPages: ( from ) => new Promise<FiledRequestsResponse>( ( resolve, reject ) => {
			api.get( Object.assign( {
				action: 'query',
				generator: 'allpages',
				gapprefix: REQUESTS_PREFIX,
				gaplimit: 50,
				prop: 'revisions',
				rvprop: 'content',
				rvslots: 'main',
			}, from ) ).then( ( result ) => resolve( result as unknown as FiledRequestsResponse ), reject );
		} ),
	};
}
