import { describe, expect, it } from 'vitest';
import {
	canMove, CLOSED_STATUSES, isClosed, isStatus, normaliseStatus, normaliseWorkingGroup, Status, STATUS_ALIASES, STATUSES,
	TRANSITIONS, WAITING_ON, WORKING_GROUPS,
} from '../../../shared/status';

/** Statuses reachable from `start` by allowed moves. */
function reachableFrom( start: Status ): Set<Status> {
	const seen = new Set<Status>( [ start ] );
	const queue: Status[] = [ start ];
	while ( queue.length ) {
		for ( const next of TRANSITIONS[ queue.shift() as Status ] ) {
			if ( !seen.has( next ) ) {
				seen.add( next );
				queue.push( next );
			}
		}
	}
	return seen;
}

describe( 'transitions', () => {
	it( 'name only statuses, for every status, and never the status itself', () => {
		expect( Object.keys( TRANSITIONS ).sort() ).toStrictEqual( [ ...STATUSES ].sort() );
		for ( const from of STATUSES ) {
			for ( const to of TRANSITIONS[ from ] ) {
				expect( isStatus( to ) ).toBe( true );
				expect( to ).not.toBe( from );
			}
			expect( new Set( TRANSITIONS[ from ] ).size ).toBe( TRANSITIONS[ from ].length );
		}
	} );

	it( 'reach every status from submitted', () => {
		expect( [ ...reachableFrom( 'submitted' ) ].sort() ).toStrictEqual( [ ...STATUSES ].sort() );
	} );

	it( 'let every open request end: a closed status is reachable from each', () => {
		for ( const status of STATUSES ) {
			const ends = [ ...reachableFrom( status ) ].filter( isClosed );
			expect( ends.length, status ).toBeGreaterThan( 0 );
		}
	} );

	it( 'follow the process: feedback before working groups, final go before support', () => {
		expect( canMove( 'submitted', 'initial-feedback' ) ).toBe( true );
		expect( canMove( 'submitted', 'approved' ) ).toBe( false );
		expect( canMove( 'submitted', 'support-under-way' ) ).toBe( false );
		expect( canMove( 'initial-feedback', 'working-group' ) ).toBe( true );
		expect( canMove( 'working-group', 'awaiting-final-go' ) ).toBe( true );
		expect( canMove( 'awaiting-final-go', 'approved' ) ).toBe( true );
		expect( canMove( 'initial-feedback', 'approved' ) ).toBe( false );
		expect( canMove( 'approved', 'support-under-way' ) ).toBe( true );
		expect( canMove( 'support-under-way', 'done' ) ).toBe( true );
		expect( canMove( 'support-under-way', 'approved' ) ).toBe( false );
	} );

	it( 'allow staying in a status', () => {
		for ( const status of STATUSES ) {
			expect( canMove( status, status ) ).toBe( true );
		}
	} );

	it( 'let a request on hold resume at any open stage', () => {
		for ( const status of STATUSES ) {
			if ( !isClosed( status ) && status !== 'on-hold' ) {
				expect( canMove( 'on-hold', status ), status ).toBe( true );
			}
		}
	} );
} );

describe( 'closed statuses', () => {
	it( 'are declined, done and withdrawn', () => {
		expect( [ ...CLOSED_STATUSES ].sort() ).toStrictEqual( [ 'declined', 'done', 'withdrawn' ] );
		expect( STATUSES.filter( isClosed ).sort() ).toStrictEqual( [ 'declined', 'done', 'withdrawn' ] );
	} );

	it( 'wait on nobody, while open ones wait on someone', () => {
		for ( const status of STATUSES ) {
			expect( WAITING_ON[ status ] === 'nobody', status ).toBe( isClosed( status ) );
		}
	} );

	it( 'can only be reopened as a new submission, and done stays done', () => {
		expect( TRANSITIONS.done ).toStrictEqual( [] );
		expect( TRANSITIONS.declined ).toStrictEqual( [ 'submitted' ] );
		expect( TRANSITIONS.withdrawn ).toStrictEqual( [ 'submitted' ] );
	} );
} );

describe( 'statuses typed by hand', () => {
	it( 'read each code in any case, with spaces or underscores', () => {
		for ( const status of STATUSES ) {
			expect( normaliseStatus( status ) ).toBe( status );
			expect( normaliseStatus( status.toUpperCase() ) ).toBe( status );
			expect( normaliseStatus( '  ' + status.replace( /-/g, '_' ) + ' ' ) ).toBe( status );
			expect( normaliseStatus( status.replace( /-/g, ' ' ) ) ).toBe( status );
		}
	} );

	it( 'read every alias, in any case', () => {
		for ( const [ alias, status ] of Object.entries( STATUS_ALIASES ) ) {
			expect( isStatus( status ) ).toBe( true );
			expect( normaliseStatus( alias ) ).toBe( status );
			expect( normaliseStatus( alias.toUpperCase() ) ).toBe( status );
			expect( normaliseStatus( alias.replace( / /g, '_' ) ) ).toBe( status );
		}
	} );

	it( 'never let an alias shadow a status code', () => {
		for ( const status of STATUSES ) {
			const key = status.replace( /-/g, ' ' );
			expect( Object.prototype.hasOwnProperty.call( STATUS_ALIASES, key ) && STATUS_ALIASES[ key ] !== status ).toBe( false );
		}
	} );

	it( 'read an empty status as submitted and refuse what means nothing', () => {
		expect( normaliseStatus( '' ) ).toBe( 'submitted' );
		expect( normaliseStatus( '   ' ) ).toBe( 'submitted' );
		expect( normaliseStatus( 'maybe later' ) ).toBeNull();
		expect( normaliseStatus( 'constructor' ) ).toBeNull();
		expect( normaliseStatus( '__proto__' ) ).toBeNull();
	} );
} );

describe( 'working groups typed by hand', () => {
	it( 'read codes and the full names of the groups', () => {
		for ( const group of WORKING_GROUPS ) {
			expect( normaliseWorkingGroup( group ) ).toBe( group );
			expect( normaliseWorkingGroup( group.toUpperCase().replace( /-/g, ' ' ) ) ).toBe( group );
		}
		expect( normaliseWorkingGroup( 'Project planning and feedback' ) ).toBe( 'project-planning' );
		expect( normaliseWorkingGroup( 'Evaluation and research' ) ).toBe( 'evaluation' );
		expect( normaliseWorkingGroup( 'Use of the content' ) ).toBe( 'content-use' );
		expect( normaliseWorkingGroup( 'Creation of supporting material' ) ).toBe( 'supporting-material' );
		expect( normaliseWorkingGroup( 'marketing' ) ).toBeNull();
		expect( normaliseWorkingGroup( 'constructor' ) ).toBeNull();
	} );
} );
