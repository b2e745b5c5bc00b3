<?php
/**
 * Creates or changes an AbuseFilter filter on a local wiki, as Admin, from JSON on
 * standard input: { "id": null|int, "description": "…", "rules": "…",
 * "actions": { "disallow": [], "warn": [ "abusefilter-warning" ] }, "enabled": true }.
 * Prints the filter's id. AbuseFilter 1.39 has no API for this.
 */

use MediaWiki\Extension\AbuseFilter\AbuseFilterServices;
use MediaWiki\Extension\AbuseFilter\Filter\MutableFilter;
use MediaWiki\Extension\AbuseFilter\FilterLookup;

require_once ( getenv( 'MW_INSTALL_PATH' ) ?: '/usr/share/mediawiki' ) . '/maintenance/Maintenance.php';

class SaveAbuseFilter extends Maintenance {
	public function __construct() {
		parent::__construct();
		$this->addDescription( 'Create or change an AbuseFilter filter from JSON on standard input' );
		$this->addOption( 'user', 'Who saves the filter', false, true );
		$this->requireExtension( 'Abuse Filter' );
	}

	public function execute() {
		$spec = json_decode( stream_get_contents( STDIN ), true );
		if ( !is_array( $spec ) ) {
			$this->fatalError( 'Expected a JSON object on standard input' );
		}
		$id = isset( $spec['id'] ) ? (int)$spec['id'] : null;
		$original = $id === null ?
			MutableFilter::newDefault() :
			AbuseFilterServices::getFilterLookup()->getFilter( $id, false, FilterLookup::READ_LATEST );
		$filter = MutableFilter::newFromParentFilter( $original );
		$filter->setName( $spec['description'] );
		$filter->setRules( $spec['rules'] );
		$filter->setComments( $spec['comments'] ?? '' );
		$filter->setActions( $spec['actions'] ?? [] );
		$filter->setEnabled( $spec['enabled'] ?? true );
		if ( $filter->getGroup() === '' ) {
			$filter->setGroup( 'default' );
		}

		$user = User::newFromName( $this->getOption( 'user', 'Admin' ) );
		$status = AbuseFilterServices::getFilterStore()->saveFilter( $user, $id, $filter, $original );
		if ( !$status->isGood() ) {
			$this->fatalError( Status::wrap( $status )->getWikiText( false, false, 'en' ) );
		}
		// false when nothing changed
		$saved = $status->getValue();
		$this->output( ( $saved ? $saved[0] : $id ) . "\n" );
	}
}

$maintClass = SaveAbuseFilter::class;
require_once RUN_MAINTENANCE_IF_MAIN;
