/**
 * "My requests": the requests of the logged-in user, from the bot's data page
 * Requests.json (and the pages it lists for older closed requests).
 */

/** A request as the data pages have it (the fields used here). */
export interface DataRequest {
	page: string;
	title?: string;
	requester?: string;
	status?: string;
	since?: string;
	waitingOn?: string;
}

export interface DataPage {
	schema?: number;
	requests?: DataRequest[];
	pages?: { title: string }[];
}

/** Reads a JSON data page; rejects when it cannot. */
export type DataReader = ( title: string ) => Promise<DataPage>;

function isRequest( value: unknown ): value is DataRequest {
	return !!value && typeof value === 'object' && typeof ( value as DataRequest ).page === 'string';
}

/** `user`'s requests on one data page. */
export function requestsOf( data: DataPage, user: string ): DataRequest[] {
	const requests = Array.isArray( data.requests ) ? data.requests : [];
	return requests.filter( ( request ) => isRequest( request ) && request.requester === user );
}

/**
 * `user`'s requests: open and recently closed from the index, then the older
 * closed ones from the pages it lists. Rejects when the index cannot be read;
 * a listed page that cannot be read is left out.
 */
export async function myRequests( read: DataReader, index: string, user: string ): Promise<DataRequest[]> {
	const data = await read( index );
	if ( !data || typeof data !== 'object' || !Array.isArray( data.requests ) ) {
		throw new Error( index + ' is not a data page of requests' );
	}
	const found = requestsOf( data, user );
	const pages = ( Array.isArray( data.pages ) ? data.pages : [] )
		.filter( ( page ) => page && typeof page.title === 'string' );
	const more = await Promise.all( pages.map( ( page ) => read( page.title ).then(
		( other ) => requestsOf( other, user ),
		() => [] as DataRequest[],
	) ) );
	const seen: Record<string, boolean> = {};
	return found.concat( ...more ).filter( ( request ) => {
		if ( seen[ request.page ] ) {
			return false;
		}
		seen[ request.page ] = true;
		return true;
	} );
}

/** The key of a request's status label (an unknown status has its own). */
export function statusKey( status: string | undefined ): string {
	return 'helpdesk-own-status-' + ( status && /^[a-z-]+$/.test( status ) ? status : 'unknown' );
}
