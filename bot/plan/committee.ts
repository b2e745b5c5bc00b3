/**
 * The Expert Committee as its on-wiki page lists it, and the sign-offs members add
 * to request pages. A sign-off counts only if the member named in it made the edit
 * that added it: a signature is text anyone can type.
 */
import type { Committee, CommitteeMember, Revision, SignOff, SignOffKind, Tally } from './types';
import { parseTimestamp, shortened, userNameProblem } from '../../shared/wikitext';
import { addedBy, KeysOf } from './added-by';
import { verdictKeys } from './verdict';
import { findTemplates, normaliseUserName, paramValue, TemplateCall } from './wikitext';

/** A real calendar day, YYYY-MM-DD. */
function isDay( text: string ): boolean {
	return /^\d{4}-\d\d-\d\d$/.test( text ) && parseTimestamp( text ) !== null;
}

/**
 * The user a line of a list of people (the committee, the volunteers) names, or why
 * it counts for nobody: it names no user, something that is no user name, or someone
 * already `listed` (`twice` is what is said then, after the name).
 */
export function personOfLine(
	call: TemplateCall, templateName: string, listed: string[], twice: string,
): { name: string } | { problem: string } {
	const name = normaliseUserName( paramValue( call, 'user' ) || paramValue( call, '1' ) );
	if ( name === '' ) {
		return { problem: 'A {{' + templateName + '}} line names no user.' };
	}
	const invalid = userNameProblem( name );
	if ( invalid !== '' ) {
		return { problem: 'A {{' + templateName + '}} line names "' + shortened( name, 80 ) + '", which is not a user name (' + invalid + ').' };
	}
	return listed.includes( name ) ? { problem: name + twice } : { name: name };
}

/** One member per `{{Helpdesk committee member|user=…|notify=…|away_until=…|languages=…}}`. */
export function parseCommittee( text: string | null, templateName: string ): Committee {
	const committee: Committee = { members: [], problems: [] };
	if ( text === null ) {
		committee.problems.push( 'The committee page does not exist.' );
		return committee;
	}
	for ( const call of findTemplates( text, templateName ) ) {
		const person = personOfLine( call, templateName, committee.members.map( ( listed ) => listed.name ), ' is listed twice.' );
		if ( 'problem' in person ) {
			committee.problems.push( person.problem );
			continue;
		}
		const name = person.name;
		const notify = paramValue( call, 'notify' ).toLowerCase();
		if ( notify !== '' && notify !== 'mention' && notify !== 'talk' ) {
			committee.problems.push( name + ': notify=' + shortened( notify, 40 ) + ' is neither "mention" nor "talk"; mentioning instead.' );
		}
		const away = paramValue( call, 'away_until' );
		if ( away !== '' && !isDay( away ) ) {
			committee.problems.push( name + ': away_until=' + shortened( away, 40 ) + ' is not a date (YYYY-MM-DD).' );
		}
		const member: CommitteeMember = {
			name: name,
			notify: notify === 'talk' ? 'talk' : 'mention',
			awayUntil: isDay( away ) ? away : '',
			languages: paramValue( call, 'languages' ).split( /[,\s]+/ ).map( ( code ) => code.trim().toLowerCase() ).filter( ( code ) => code !== '' ),
		};
		committee.members.push( member );
	}
	if ( committee.members.length === 0 ) {
		committee.problems.push( 'The committee page lists no members.' );
	}
	return committee;
}

/** Members not away at `now`: away_until is the last day away. */
export function availableMembers( committee: Committee, now: string ): CommitteeMember[] {
	const today = now.slice( 0, 10 );
	return committee.members.filter( ( member ) => member.awayUntil === '' || member.awayUntil < today );
}

export function isMember( committee: Committee, name: string ): boolean {
	return committee.members.some( ( member ) => member.name === name );
}

// Sign-offs --------------------------------------------------------------------

/** A sign-off call as written, before we know who added it. */
export interface SignOffCall {
	kind: SignOffKind | null;
	member: string;
	decision: '' | 'yes' | 'no';
	/** What makes two calls the same sign-off. */
	key: string;
	/** The call as written, for messages. */
	wikitext: string;
}

const KINDS: Readonly<Record<string, SignOffKind>> = {
	feedback: 'feedback',
	'initial feedback': 'feedback',
	initial: 'feedback',
	'final go': 'final-go',
	final: 'final-go',
	go: 'final-go',
	decision: 'final-go',
};

const DECISIONS: Readonly<Record<string, 'yes' | 'no'>> = {
	yes: 'yes',
	y: 'yes',
	go: 'yes',
	approve: 'yes',
	ja: 'yes',
	no: 'no',
	n: 'no',
	'no go': 'no',
	decline: 'no',
	nej: 'no',
};

function word( value: string ): string {
	return value.toLowerCase().replace( /[\s_-]+/g, ' ' ).trim();
}

export function signOffCalls( text: string, templateName: string ): SignOffCall[] {
	return findTemplates( text, templateName ).map( ( call ) => {
		const kind = KINDS[ word( paramValue( call, 'kind' ) ) ] || null;
		const member = normaliseUserName( paramValue( call, 'member' ) || paramValue( call, 'user' ) );
		const decision = kind === 'final-go' ? DECISIONS[ word( paramValue( call, 'decision' ) ) ] || '' : '';
		return {
			kind: kind,
			member: member,
			decision: decision,
			key: ( kind || '?' ) + '|' + member + '|' + decision,
			wikitext: call.wikitext,
		};
	} );
}

/** The keys of the sign-offs a revision's text holds. */
export function signOffKeys( text: string, templateName: string ): string[] {
	return text.includes( '{{' ) ? signOffCalls( text, templateName ).map( ( call ) => call.key ) : [];
}

/**
 * What a revision holds that the history is read for: its sign-offs and its
 * verdicts (see verdict.ts), whose authors are found the same way.
 */
export function historyKeys( templateName: string ): KeysOf {
	return ( text ) => signOffKeys( text, templateName ).concat( verdictKeys( text ) );
}

/**
 * Who added each call: for a call known from an earlier run, who it was then;
 * otherwise the author of the oldest revision in the unbroken run, from the
 * latest revision back (`history`, newest first), that holds the same call (see
 * added-by.ts). A call re-added after it was removed is the re-adder's. Calls not
 * found keep an empty author.
 */
export function attributeSignOffs( calls: SignOffCall[], known: SignOff[], history: Revision[], templateName = 'Helpdesk sign-off' ): SignOff[] {
	const open = calls.map( ( call ) => call.key ).filter( ( key, index, keys ) => keys.indexOf( key ) === index &&
		!known.some( ( signOff ) => keyOf( signOff ) === key ) );
	const runStart = addedBy( open, history, ( text ) => signOffKeys( text, templateName ) );
	const seen: Record<string, boolean> = {};
	const result: SignOff[] = [];
	for ( const call of calls ) {
		if ( !call.kind || call.member === '' || seen[ call.key ] ) {
			continue;
		}
		seen[ call.key ] = true;
		const previous = known.find( ( signOff ) => keyOf( signOff ) === call.key );
		if ( previous ) {
			result.push( previous );
			continue;
		}
		const revision = runStart[ call.key ];
		result.push( {
			kind: call.kind,
			member: call.member,
			decision: call.decision,
			author: revision ? normaliseUserName( revision.user ) : '',
			revid: revision ? revision.revid : 0,
			timestamp: revision ? revision.timestamp : '',
		} );
	}
	return result;
}

export function keyOf( signOff: SignOff ): string {
	return signOff.kind + '|' + signOff.member + '|' + signOff.decision;
}

/** Sign-offs that count: by a member, added by that member. */
export function countedSignOffs( signOffs: SignOff[], committee: Committee ): SignOff[] {
	return signOffs.filter( ( signOff ) => signOff.author === signOff.member && isMember( committee, signOff.member ) &&
		( signOff.kind === 'feedback' || signOff.decision !== '' ) );
}

export type SignOffProblemCode = '' | 'author-unknown' | 'added-by-other' | 'not-member' | 'no-decision';

/** Why a sign-off does not count, as a code for the page and the views; '' when it counts. */
export function signOffCode( signOff: SignOff, committee: Committee ): SignOffProblemCode {
	if ( signOff.author === '' ) {
		return 'author-unknown';
	}
	if ( signOff.author !== signOff.member ) {
		return 'added-by-other';
	}
	if ( !isMember( committee, signOff.member ) ) {
		return 'not-member';
	}
	return signOff.kind === 'final-go' && signOff.decision === '' ? 'no-decision' : '';
}

/** Why a sign-off does not count, or '' when it does. */
export function signOffProblem( signOff: SignOff, committee: Committee ): string {
	const what = signOff.kind === 'feedback' ? 'initial feedback' : 'final go';
	if ( signOff.author === '' ) {
		return 'Sign-off (' + what + ') for ' + signOff.member + ': the edit that added it was not found.';
	}
	if ( signOff.author !== signOff.member ) {
		return 'Sign-off (' + what + ') for ' + signOff.member + ' was added by ' + signOff.author + ', not counted.';
	}
	if ( !isMember( committee, signOff.member ) ) {
		return 'Sign-off (' + what + ') by ' + signOff.member + ', who is not on the committee, not counted.';
	}
	if ( signOff.kind === 'final-go' && signOff.decision === '' ) {
		return 'Final go by ' + signOff.member + ' says neither decision=yes nor decision=no.';
	}
	return '';
}

/** The committee's tally: each member's latest sign-off of a kind counts once. */
export function tally( signOffs: SignOff[], committee: Committee ): Tally {
	const counted = countedSignOffs( signOffs, committee );
	const latestGo: Record<string, SignOff> = {};
	const feedback: Record<string, boolean> = {};
	for ( const signOff of counted ) {
		if ( signOff.kind === 'feedback' ) {
			feedback[ signOff.member ] = true;
		} else if ( !latestGo[ signOff.member ] || latestGo[ signOff.member ].revid < signOff.revid ) {
			latestGo[ signOff.member ] = signOff;
		}
	}
	const decisions = Object.keys( latestGo ).map( ( member ) => latestGo[ member ].decision );
	return {
		members: committee.members.length,
		feedback: Object.keys( feedback ).length,
		finalGoYes: decisions.filter( ( decision ) => decision === 'yes' ).length,
		finalGoNo: decisions.filter( ( decision ) => decision === 'no' ).length,
	};
}
