-- The Helpdesk's views, rendered from the JSON data pages the Helpdesk bot writes:
-- the table of open requests, the yearly archives, the statistics and the committee's
-- agenda. The bot writes data only; all presentation (and its translation) is here.
--
--   {{#invoke:Helpdesk views|table}}              open requests, attention list, archive links
--   {{#invoke:Helpdesk views|table|part=2}}       open requests on Export/Open/2.json
--   {{#invoke:Helpdesk views|archive|year=2025}}  requests closed in 2025
--   {{#invoke:Helpdesk views|statistics}}
--   {{#invoke:Helpdesk views|agenda}}             the next meeting (from Settings.json)
--   {{#invoke:Helpdesk views|agenda|meeting=2026-12-10}}
--   {{#invoke:Helpdesk views|attention}}          the requests needing attention alone
--
-- Titles of the data pages are the constants in p.PAGES; each can be given as an
-- argument instead (data=, settings=, statistics=, impact=, export=, agendas=, archives=,
-- open=, i18n=), and lang= and today= replace the reader's language and today's date.
-- Impact.json (the figures of requests' outcomes) adds a line under each request it
-- counts, in the table and the archives, and the totals per year to the statistics.
--
-- Everything people typed (titles, names, excerpts, links, status texts) is data: it
-- is shown escaped and can make no markup, link, template or signature.
-- Messages: [[Module:Helpdesk views/i18n.json]], from shared/pages/views-i18n/ of the
-- Helpdesk's code. The reader's language is {{int:helpdesk-views-lang}}, which
-- MediaWiki resolves with its language fallbacks (uselang works).

local p = {}

local ROOT = 'Content Partnerships Hub/Helpdesk/'

p.PAGES = {
	data = ROOT .. 'Requests.json',
	table = ROOT .. 'Requests',
	settings = ROOT .. 'Settings.json',
	statistics = ROOT .. 'Export/Statistics.json',
	impact = ROOT .. 'Impact.json',
	export = ROOT .. 'Export/',
	agendas = ROOT .. 'Agenda/',
	archives = ROOT .. 'Archive/',
	open = ROOT .. 'Archive/Open/',
	i18n = 'Module:Helpdesk views/i18n.json',
	countryTemplate = 'Helpdesk request/country',
}

p.STATUSES = {
	'submitted', 'initial-feedback', 'working-group', 'awaiting-final-go', 'approved',
	'declined', 'support-under-way', 'done', 'on-hold', 'withdrawn',
}

p.SUPPORT = {
	'mass-upload', 'data-upload', 'copyright', 'training-material', 'content-examples',
	'finding-people', 'technical', 'other',
}

p.CONTINENTS = {
	'africa', 'antarctica', 'asia', 'europe', 'north-america', 'oceania', 'south-america',
}

-- Badge colours, as Template:Helpdesk status/badge (contrast ≥ 4.5:1).
p.BADGE = {
	submitted = { '#3366cc', '#ffffff' },
	['initial-feedback'] = { '#6b4ba1', '#ffffff' },
	['working-group'] = { '#0b6e6a', '#ffffff' },
	['awaiting-final-go'] = { '#ffcc33', '#202122' },
	approved = { '#177860', '#ffffff' },
	declined = { '#bf3c2c', '#ffffff' },
	['support-under-way'] = { '#2a4b8d', '#ffffff' },
	done = { '#54595d', '#ffffff' },
	['on-hold'] = { '#fde6c8', '#202122' },
	withdrawn = { '#eaecf0', '#54595d' },
}

local STATUS_ORDER = {}
for i, status in ipairs( p.STATUSES ) do
	STATUS_ORDER[ status ] = i
end

-- ---------------------------------------------------------------------------
-- Pure helpers
-- ---------------------------------------------------------------------------

-- A plain array from a (possibly read-only, loadJsonData) list; {} for anything else.
function p.list( value )
	local out = {}
	if type( value ) == 'table' then
		for _, item in ipairs( value ) do
			out[ #out + 1 ] = item
		end
	end
	return out
end

-- The entries of a list that are objects (anything else in the data is skipped).
function p.records( value )
	local out = {}
	for _, item in ipairs( p.list( value ) ) do
		if type( item ) == 'table' then
			out[ #out + 1 ] = item
		end
	end
	return out
end

function p.str( value )
	if type( value ) == 'string' then
		return value
	elseif type( value ) == 'number' then
		return tostring( value )
	end
	return ''
end

function p.num( value )
	return type( value ) == 'number' and value or nil
end

-- Text anyone typed, shown as text: no markup, links, templates or signatures.
function p.text( value )
	local s = p.str( value )
	if s == '' then
		return ''
	end
	-- Control characters and line breaks become spaces (a line break could start a list).
	s = s:gsub( '[%c]', ' ' )
	return mw.text.nowiki( s )
end

-- Typed text isolated from the text around it (right-to-left names, bidi controls).
function p.bdi( value )
	return '<bdi>' .. p.text( value ) .. '</bdi>'
end

-- A wiki page title from the data, usable as a link target, or nil when it is not one.
function p.target( value )
	local s = p.str( value )
	if s == '' or #s > 255 or s:find( '[%c%[%]{}|#<>]' ) or s:find( string.rep( '~', 3 ), 1, true ) then
		return nil
	end
	s = s:gsub( '_', ' ' ):gsub( '&', '&amp;' ):gsub( "'", '&#39;' )
	return s
end

-- The name of a request page without the common prefix of request pages.
function p.shortName( page )
	local s = p.str( page )
	local rest = s:match( '^Content Partnerships Hub/Helpdesk/Requests/(.+)$' )
	return rest or s
end

-- A link to a wiki page; the shown text is escaped; the target never makes a
-- category, file or interwiki link (leading colon).
function p.pageLink( page, shown )
	local target = p.target( page )
	local label = shown and shown ~= '' and shown or p.text( page )
	if not target then
		return label
	end
	return '[[:' .. target .. '|' .. label .. ']]'
end

-- An external link for an http(s) URL, or the URL as text.
function p.externalLink( value )
	local s = p.str( value )
	if not s:match( '^[Hh][Tt][Tt][Pp][Ss]?://[^%s]+$' ) or #s > 2000 then
		return p.text( s )
	end
	local href = s:gsub( '[^%w%-%.~:/%?@!%$&%(%)%*%+,;=%%]', function ( c )
		return string.format( '%%%02X', c:byte() )
	end )
	return '[' .. href .. ' ' .. p.text( s ) .. ']'
end

-- Days since 1970-01-01 of an ISO 8601 date or timestamp, or nil.
function p.isoDays( value )
	local y, m, d = p.str( value ):match( '^(%d%d%d%d)%-(%d%d)%-(%d%d)' )
	if not y then
		return nil
	end
	y, m, d = tonumber( y ), tonumber( m ), tonumber( d )
	if m < 1 or m > 12 or d < 1 or d > 31 then
		return nil
	end
	-- days_from_civil (H. Hinnant)
	if m <= 2 then
		y = y - 1
	end
	local era = math.floor( y / 400 )
	local yoe = y - era * 400
	local mp = ( m + 9 ) % 12
	local doy = math.floor( ( 153 * mp + 2 ) / 5 ) + d - 1
	local doe = yoe * 365 + math.floor( yoe / 4 ) - math.floor( yoe / 100 ) + doy
	return era * 146097 + doe - 719468
end

-- Whole days from `from` to `to` (ISO strings), or nil.
function p.daysBetween( from, to )
	local a, b = p.isoDays( from ), p.isoDays( to )
	if not a or not b then
		return nil
	end
	return math.max( 0, b - a )
end

-- Widths of bars in % of the largest value (at least 1 % for a non-zero value).
function p.barWidths( values )
	local max = 0
	for _, v in ipairs( values ) do
		if v > max then
			max = v
		end
	end
	local widths = {}
	for i, v in ipairs( values ) do
		if max == 0 or v <= 0 then
			widths[ i ] = 0
		else
			widths[ i ] = math.max( 1, math.floor( v / max * 1000 + 0.5 ) / 10 )
		end
	end
	return widths
end

-- Requests sorted by an ISO field, oldest first; those without the field last, by page.
function p.sortBy( requests, field )
	local sorted = p.records( requests )
	table.sort( sorted, function ( a, b )
		local x, y = p.str( a[ field ] ), p.str( b[ field ] )
		if ( x == '' ) ~= ( y == '' ) then
			return y == ''
		end
		if x ~= y then
			return x < y
		end
		return p.str( a.page ) < p.str( b.page )
	end )
	return sorted
end

-- The first meeting date on or after `today`, and the earlier ones (newest first).
function p.meetings( dates, today )
	local valid = {}
	for _, date in ipairs( p.list( dates ) ) do
		if type( date ) == 'string' and date:match( '^%d%d%d%d%-%d%d%-%d%d$' ) then
			valid[ #valid + 1 ] = date
		end
	end
	table.sort( valid )
	local nextMeeting, past = nil, {}
	for _, date in ipairs( valid ) do
		if date >= today then
			nextMeeting = nextMeeting or date
		else
			table.insert( past, 1, date )
		end
	end
	return nextMeeting, past
end

-- ---------------------------------------------------------------------------
-- Messages and the reader's language
-- ---------------------------------------------------------------------------

local Context = {}
Context.__index = Context

-- `{{PLURAL:$n|…}}` and `$n` of a message; params are numbers or safe wikitext.
function Context:format( text, params )
	params = params or {}
	text = text:gsub( '{{PLURAL:%s*%$(%d)%s*|(.-)}}', function ( i, forms )
		local n = tonumber( params[ tonumber( i ) ] ) or 0
		return self.language:plural( n, mw.text.split( forms, '|', true ) )
	end )
	text = text:gsub( '%$(%d)', function ( i )
		local value = params[ tonumber( i ) ]
		if type( value ) == 'number' then
			return self.language:formatNum( value )
		end
		return value ~= nil and tostring( value ) or ( '$' .. i )
	end )
	return text
end

-- A message's text in the reader's language (English when it lacks one), or nil.
function Context:raw( key )
	local key2 = 'helpdesk-views-' .. key
	for _, code in ipairs( self.chain ) do
		local messages = self.messages[ code ]
		if type( messages ) == 'table' and type( messages[ key2 ] ) == 'string' then
			return messages[ key2 ]
		end
	end
	return nil
end

function Context:msg( key, ... )
	local text = self:raw( key )
	if not text then
		return '⧼helpdesk-views-' .. key .. '⧽'
	end
	return self:format( text, { ... } )
end

function Context:number( n )
	return self.language:formatNum( n )
end

function Context:date( value )
	local s = p.str( value )
	if not s:match( '^%d%d%d%d%-%d%d%-%d%d' ) then
		return p.text( s )
	end
	local ok, out = pcall( function ()
		return self.language:formatDate( 'j F Y', s:sub( 1, 10 ) )
	end )
	return ok and out or p.text( s )
end

function Context:statusLabel( status )
	local s = p.str( status )
	if STATUS_ORDER[ s ] then
		return self:msg( 'status-' .. s )
	end
	return self:msg( 'status-unknown' )
end

function Context:supportLabels( support )
	local labels = {}
	for _, code in ipairs( p.list( support ) ) do
		local label = type( code ) == 'string' and self:raw( 'support-' .. code )
		labels[ #labels + 1 ] = label or p.text( code )
	end
	return table.concat( labels, ', ' )
end

function Context:continentLabel( code )
	return self:raw( 'continent-' .. p.str( code ) ) or self:msg( 'continent-unknown' )
end

function Context:countryName( code )
	local c = p.str( code )
	if c == '' then
		return ''
	end
	if not c:match( '^%u%u$' ) then
		return p.text( c )
	end
	if self.countries[ c ] == nil then
		-- The template's module names it in the view's language, escaped.
		local ok, name = pcall( function ()
			return self.frame:expandTemplate{ title = self.pages.countryTemplate, args = { c, reader = self.code } }
		end )
		self.countries[ c ] = ok and mw.text.trim( name or '' ) ~= '' and name or c
	end
	return self.countries[ c ]
end

local requestModule
local function requestModuleOf()
	if requestModule == nil then
		local ok, module = pcall( require, 'Module:Helpdesk request' )
		requestModule = ok and module or false
	end
	return requestModule
end

local function requestLabels( set )
	local module = requestModuleOf()
	return module and module.LABELS and module.LABELS[ set ] or {}
end

function Context:stageLabel( code )
	local c = p.str( code )
	return requestLabels( 'stage' )[ c ] or p.text( c )
end

function Context:workingGroupName( code )
	local c = p.str( code )
	local settings = self:settings()
	for _, group in ipairs( p.list( settings and settings.workingGroups ) ) do
		if type( group ) == 'table' and group.code == c and type( group.names ) == 'table' then
			for _, lang in ipairs( self.chain ) do
				if type( group.names[ lang ] ) == 'string' and group.names[ lang ] ~= '' then
					return p.text( group.names[ lang ] )
				end
			end
		end
	end
	return requestLabels( 'working_group' )[ c ] or p.text( c )
end

-- mw.loadJsonData of a page, with pcall, as Module:Helpdesk request loads its pages
-- (a page that cannot be read yet still becomes a dependency of the view).
local function loadJson( title )
	local module = requestModuleOf()
	if module then
		return module.loadJson( title )
	end
	return pcall( mw.loadJsonData, title )
end

-- A data page: the table, or nil and a short message saying what is wrong.
function Context:load( title, schema, check )
	local ok, data = loadJson( title )
	local link = p.pageLink( title )
	if not ok then
		return nil, self:notice( self:msg( 'error-missing', link ) ), 'missing'
	end
	if type( data ) ~= 'table' or ( schema and data.schema ~= schema ) or ( check and not check( data ) ) then
		return nil, self:notice( self:msg( 'error-schema', link ) ), 'schema'
	end
	return data
end

function Context:notice( text )
	return tostring( mw.html.create( 'div' ):addClass( 'helpdesk-views-notice' )
		:css( 'border', '1px solid #a2a9b1' ):css( 'padding', '0.5em 1em' ):wikitext( text ) )
end

-- The routing hints of a request on the agenda, as the request page shows them
-- (Module:Helpdesk request and its messages), in the view's language.
function Context:routing( hint )
	local module = requestModuleOf()
	if type( hint ) ~= 'table' or not module or not module.renderRouting then
		return ''
	end
	local messages = module.messages( self.frame, nil, self.code )
	local ok, countries = loadJson( module.COUNTRIES_PAGE )
	return module.renderRouting( messages, hint, ok and countries or nil )
end

function Context:settings()
	if self.settingsData == nil then
		local ok, data = loadJson( self.pages.settings )
		self.settingsData = ok and type( data ) == 'table' and data or false
	end
	return self.settingsData or nil
end

-- The context of one view: frame, pages, language, messages.
function p.context( frame )
	local args = frame.args or {}
	local self = setmetatable( { frame = frame, args = args, countries = {} }, Context )
	self.pages = {}
	for key, default in pairs( p.PAGES ) do
		local given = args[ key ]
		self.pages[ key ] = given and mw.text.trim( given ) ~= '' and mw.text.trim( given ) or default
	end
	local code = args.lang and mw.text.trim( args.lang ) or ''
	if code == '' then
		code = mw.text.trim( frame:preprocess( '{{int:helpdesk-views-lang}}' ) or '' )
	end
	if not code:match( '^[a-z][a-z0-9]*[a-z0-9%-]*$' ) then
		code = 'en'
	end
	self.code = code
	self.language = mw.language.new( code )
	local ok, messages = loadJson( self.pages.i18n )
	self.messages = ok and type( messages ) == 'table' and messages or {}
	self.chain = { code }
	local base = code:match( '^(%a+)%-' )
	if base then
		table.insert( self.chain, base )
	end
	table.insert( self.chain, 'en' )
	local today = args.today and mw.text.trim( args.today ) or ''
	self.today = today:match( '^%d%d%d%d%-%d%d%-%d%d$' ) and today or os.date( '!%Y-%m-%d' )
	return self
end

-- The view in a block of the reader's language and direction.
function Context:wrap( content, class )
	local dir = self.language:isRTL() and 'rtl' or 'ltr'
	return '<div class="helpdesk-views ' .. class .. '" lang="' .. mw.text.encode( self.code ) ..
		'" dir="' .. dir .. '">\n' .. content .. '\n</div>'
end

local function small( text )
	return '<small>' .. text .. '</small>'
end

-- ---------------------------------------------------------------------------
-- Impact of outcomes (Impact.json, written by the bot at most daily per request)
-- ---------------------------------------------------------------------------

-- The entries of Impact.json by request page, and the totals per year; empty when it is not there yet.
function Context:impact()
	if self.impactData == nil then
		local ok, data = loadJson( self.pages.impact )
		local byPage = {}
		if ok and type( data ) == 'table' and data.schema == 1 then
			for _, entry in ipairs( p.list( data.requests ) ) do
				if type( entry ) == 'table' and type( entry.page ) == 'string' and byPage[ entry.page ] == nil then
					byPage[ entry.page ] = entry
				end
			end
		end
		self.impactData = { byPage = byPage, years = ok and type( data ) == 'table' and data.schema == 1 and p.list( data.years ) or {} }
	end
	return self.impactData
end

-- The line of a request's impact figures under its row, or ''.
function Context:impactLine( request )
	local entry = type( request ) == 'table' and type( request.page ) == 'string' and self:impact().byPage[ request.page ]
	if not entry then
		return ''
	end
	local parts = {}
	local files = p.num( entry.files )
	if files then
		parts[ #parts + 1 ] = self:msg( 'impact-files', files )
	end
	local pages = p.num( entry.usagePages )
	if pages and entry.usage == 'global' then
		parts[ #parts + 1 ] = self:msg( 'impact-usage', pages )
	elseif pages and entry.usage == 'same-wiki' then
		parts[ #parts + 1 ] = self:msg( 'impact-usage-same-wiki', pages )
	end
	local items = p.num( entry.items )
	if items then
		parts[ #parts + 1 ] = self:msg( 'impact-items', items )
	end
	for _, problem in ipairs( p.list( entry.problems ) ) do
		local code = type( problem ) == 'table' and p.str( problem.code ) or ''
		if code:match( '%-failed$' ) or code:match( '%-cut$' ) then
			parts[ #parts + 1 ] = '<span class="helpdesk-impact-problem">' .. self:msg( 'impact-problem' ) .. '</span>'
			break
		end
	end
	if #parts == 0 then
		return ''
	end
	return '<br>' .. small( '<span class="helpdesk-impact">' .. self:msg( 'impact' ) .. ' ' .. table.concat( parts, ' · ' ) .. '</span>' )
end

-- A section of the statistics per year: its heading and intro, then a table of
-- `head` with a row of `cells( year )` per year that has one, or `none` when none has.
function Context:yearSection( list, keys, class, head, cells )
	local years = {}
	for _, year in ipairs( p.list( list ) ) do
		if type( year ) == 'table' and p.str( year.year ) ~= '' then
			years[ #years + 1 ] = year
		end
	end
	local out = { '== ' .. self:msg( keys.heading ) .. ' ==', '<p>' .. self:msg( keys.intro ) .. '</p>' }
	if #years == 0 then
		out[ #out + 1 ] = '<p>' .. self:msg( keys.none ) .. '</p>'
		return table.concat( out, '\n' )
	end
	local rows = {
		'<div class="helpdesk-scroll" style="overflow-x:auto"><table class="wikitable sortable ' .. class .. '">',
		'<tr><th>' .. table.concat( head, '</th><th>' ) .. '</th></tr>',
	}
	for _, year in ipairs( years ) do
		rows[ #rows + 1 ] = '<tr><td>' .. table.concat( cells( year ), '</td><td>' ) .. '</td></tr>'
	end
	rows[ #rows + 1 ] = '</table></div>'
	out[ #out + 1 ] = table.concat( rows, '\n' )
	return table.concat( out, '\n' )
end

-- The section of the statistics with the impact per year, for the annual report.
function Context:impactYears()
	local head = {
		self:msg( 'col-year' ), self:msg( 'col-outcome-requests' ), self:msg( 'col-files' ), self:msg( 'col-file-usages' ), self:msg( 'col-items' ),
	}
	return self:yearSection( self:impact().years, { heading = 'stats-impact', intro = 'stats-impact-intro', none = 'stats-impact-none' },
		'helpdesk-impact-years', head, function ( year )
			local cells = { p.text( year.year ) }
			for _, field in ipairs( { 'requests', 'files', 'fileUsages', 'items' } ) do
				local n = p.num( year[ field ] )
				cells[ #cells + 1 ] = n and self:number( n ) or '–'
			end
			return cells
		end )
end

-- ---------------------------------------------------------------------------
-- Parts of views
-- ---------------------------------------------------------------------------

function Context:badge( status )
	local s = p.str( status )
	local colours = p.BADGE[ s ]
	local style = 'display:inline-block;padding:0 0.5em;border:1px solid;border-radius:0.8em;font-size:90%;'
	if colours then
		style = style .. 'background:' .. colours[ 1 ] .. ';color:' .. colours[ 2 ]
	else
		style = style .. 'background:#fee7e6;color:#202122;border-style:dashed'
		s = 'unknown'
	end
	return '<span class="helpdesk-status helpdesk-status-' .. s .. '" style="' .. style .. '">' ..
		self:statusLabel( s ) .. '</span>'
end

-- The status of a request: badge (or what the page says for an unknown status),
-- "not confirmed" when the provable status differs.
function Context:statusOf( request )
	local status = p.str( request.status )
	local out
	if STATUS_ORDER[ status ] then
		out = self:badge( status )
	else
		out = '<span class="helpdesk-status helpdesk-status-unknown" style="display:inline-block;padding:0 0.5em;border:1px dashed #bf3c2c;border-radius:0.8em;background:#fee7e6;color:#202122;font-size:90%">' ..
			( p.str( request.statusText ) ~= '' and self:msg( 'status-text', p.bdi( request.statusText ) ) or self:msg( 'status-unknown' ) ) .. '</span>'
	end
	local proven = p.str( request.proven )
	if proven ~= '' and proven ~= status then
		out = out .. '<br>' .. small( '<span class="helpdesk-unproven">' .. self:msg( 'not-confirmed', self:statusLabel( proven ) ) .. '</span>' )
	end
	return out
end

function Context:requester( request )
	local name = p.str( request.requester )
	if name == '' then
		return ''
	end
	local target = request.requesterValid == true and p.target( name )
	if target then
		return '[[User:' .. target .. '|' .. p.bdi( name ) .. ']]'
	end
	return p.bdi( name )
end

function Context:affiliate( request )
	if p.str( request.affiliate ) ~= '' then
		return p.bdi( request.affiliate )
	end
	return request.individual == true and self:msg( 'individual' ) or ''
end

function Context:titleLink( request )
	local title = p.str( request.title )
	return p.pageLink( request.page, p.bdi( title ~= '' and title or p.shortName( request.page ) ) )
end

local function joined( parts, separator )
	local kept = {}
	for _, part in ipairs( parts ) do
		if part and part ~= '' then
			kept[ #kept + 1 ] = part
		end
	end
	return table.concat( kept, separator or ' · ' )
end

-- The flags of a request as one line of words (readable without colour).
function Context:flags( request )
	local shown = {}
	for _, flag in ipairs( p.list( request.flags ) ) do
		local label = type( flag ) == 'string' and self:raw( 'flag-' .. flag )
		shown[ #shown + 1 ] = '<span class="helpdesk-flag helpdesk-flag-' ..
			( label and flag or 'other' ) .. '">' .. ( label or p.text( flag ) ) .. '</span>'
	end
	if #shown == 0 then
		return ''
	end
	return '<br><small class="helpdesk-flags" style="color:#b32424;font-weight:bold">⚑ ' .. table.concat( shown, ' · ' ) .. '</small>'
end

function Context:tally( request )
	local tally = type( request.tally ) == 'table' and request.tally or {}
	local feedback = p.num( tally.feedback ) or 0
	local members = p.num( tally.members ) or 0
	local yes, no = p.num( tally.finalGoYes ) or 0, p.num( tally.finalGoNo ) or 0
	local out = self:msg( 'tally-feedback', feedback, members )
	if yes + no > 0 or p.str( request.status ) == 'awaiting-final-go' then
		out = out .. '<br>' .. self:msg( 'tally-final', yes, no )
	end
	return small( out ), feedback * 1000 + yes
end

-- One row of the table of open requests: Request (title, then requester · affiliate ·
-- country · kinds of support, then flags) | Status (badge, days in it) | Committee.
function Context:row( request, compiled )
	if type( request ) ~= 'table' then
		return ''
	end
	local flags = self:flags( request )
	if p.str( request.problem ) ~= '' or not request.status then
		return '<tr class="helpdesk-request helpdesk-unreadable"><td>' ..
			p.pageLink( request.page, p.bdi( p.shortName( request.page ) ) ) .. '<br>' .. small( self:msg( 'unreadable', p.text( request.problem ) ) ) .. flags ..
			'</td><td data-sort-value="99"></td><td data-sort-value="-1"></td></tr>'
	end
	local details = joined( {
		self:requester( request ), self:affiliate( request ), self:countryName( request.country ),
		self:supportLabels( request.support ),
	} )
	local days = p.daysBetween( request.since, compiled )
	local status = self:statusOf( request )
	if days then
		status = status .. '<br>' .. small( self:msg( 'days-in-stage', days ) )
	end
	local tally, tallySort = self:tally( request )
	local order = STATUS_ORDER[ p.str( request.status ) ] or 99
	return '<tr class="helpdesk-request"><td>' ..
		self:titleLink( request ) .. ( details ~= '' and '<br>' .. small( details ) or '' ) .. self:impactLine( request ) .. flags ..
		'</td><td data-sort-value="' .. string.format( '%02d%06d', order, 999999 - math.min( days or 0, 999999 ) ) .. '">' .. status ..
		'</td><td data-sort-value="' .. tallySort .. '">' .. tally .. '</td></tr>'
end

-- Long words wrap anywhere; Status and Committee keep room for their words.
local TABLE_OPEN = '<table class="wikitable sortable helpdesk-requests" style="width:100%;overflow-wrap:anywhere">'
local STATUS_TH = '<th style="min-width:5em;overflow-wrap:normal">'
local COMMITTEE_TH = '<th style="overflow-wrap:normal">'

function Context:requestTable( requests, compiled )
	if #requests == 0 then
		return '<p>' .. self:msg( 'no-open' ) .. '</p>'
	end
	local rows = {
		TABLE_OPEN,
		'<tr><th style="width:50%">' .. self:msg( 'col-request' ) .. '</th>' .. STATUS_TH .. self:msg( 'col-status' ) .. '</th>' ..
			COMMITTEE_TH .. self:msg( 'col-committee' ) .. '</th></tr>',
	}
	for _, request in ipairs( requests ) do
		rows[ #rows + 1 ] = self:row( request, compiled )
	end
	rows[ #rows + 1 ] = '</table>'
	return table.concat( rows, '\n' )
end

-- The text of an attention entry: the reader's language when it has the message and
-- every parameter it needs, else the bot's English text.
function Context:attentionText( entry )
	local params = {}
	for _, param in ipairs( p.list( entry.params ) ) do
		params[ #params + 1 ] = p.bdi( param )
	end
	local code = p.str( entry.code )
	local text = code ~= '' and code:match( '^[%w%-]+$' ) and self:raw( 'attention-' .. code )
	if text then
		local needs = 0
		for i in text:gmatch( '%$(%d)' ) do
			needs = math.max( needs, tonumber( i ) )
		end
		if needs <= #params then
			return self:format( text, params )
		end
	end
	return p.text( entry.text )
end

function Context:attentionList( data )
	local items = {}
	for _, entry in ipairs( p.list( data.attention ) ) do
		if type( entry ) == 'table' then
			-- A request by its own name; the Helpdesk's other pages (committee, settings) in full.
			items[ #items + 1 ] = '<li>' .. p.pageLink( entry.page, p.bdi( p.shortName( entry.page ) ) ) .. ': ' .. self:attentionText( entry ) .. '</li>'
		end
	end
	if #items == 0 then
		return '<p>' .. self:msg( 'no-attention' ) .. '</p>'
	end
	return '<ul class="helpdesk-attention">\n' .. table.concat( items, '\n' ) .. '\n</ul>'
end

-- Links to the archive pages (one per year) and to the further parts of open requests.
function Context:moreLinks( data )
	local years, counts, parts = {}, {}, {}
	for _, entry in ipairs( p.list( data.pages ) ) do
		if type( entry ) == 'table' then
			local year = p.str( entry.closedIn )
			local count = p.num( entry.requests ) or 0
			if year ~= '' and year:match( '^[%w]+$' ) then
				if not counts[ year ] then
					years[ #years + 1 ] = year
					counts[ year ] = 0
				end
				counts[ year ] = counts[ year ] + count
			elseif year == '' and ( p.num( entry.part ) or 1 ) >= 2 then
				parts[ #parts + 1 ] = { part = entry.part, count = count }
			end
		end
	end
	if #years == 0 and #parts == 0 then
		return ''
	end
	table.sort( years, function ( a, b )
		if a == 'undated' or b == 'undated' then
			return b == 'undated'
		end
		return a > b
	end )
	table.sort( parts, function ( a, b ) return a.part < b.part end )
	local items = {}
	for _, part in ipairs( parts ) do
		items[ #items + 1 ] = '<li>' .. p.pageLink( self.pages.open .. string.format( '%d', part.part ),
			self:msg( 'open-part', part.part, part.count ) ) .. '</li>'
	end
	for _, year in ipairs( years ) do
		local label = year == 'undated' and self:msg( 'archive-undated-link', counts[ year ] ) or
			self:msg( 'archive-year', year, counts[ year ] )
		items[ #items + 1 ] = '<li>' .. p.pageLink( self.pages.archives .. year, label ) .. '</li>'
	end
	return '\n== ' .. self:msg( 'heading-more' ) .. ' ==\n<ul class="helpdesk-more">\n' .. table.concat( items, '\n' ) .. '\n</ul>'
end

local function isRequests( data )
	return type( data.requests ) == 'table'
end

-- The data page of open requests part `part` (1: the main page).
function Context:openPart( main, part )
	if part <= 1 then
		return main
	end
	for _, entry in ipairs( p.list( main.pages ) ) do
		if type( entry ) == 'table' and entry.closedIn == nil and entry.part == part and p.str( entry.title ) ~= '' then
			return self:load( entry.title, 3, isRequests )
		end
	end
	return self:load( self.pages.export .. 'Open/' .. part .. '.json', 3, isRequests )
end

-- ---------------------------------------------------------------------------
-- Views
-- ---------------------------------------------------------------------------

function p.renderTable( self )
	local main, problem = self:load( self.pages.data, 3, isRequests )
	if not main then
		return self:wrap( problem, 'helpdesk-views-table' )
	end
	local part = tonumber( self.args.part or '' ) or 1
	local data = main
	if part > 1 then
		data, problem = self:openPart( main, part )
		if not data then
			return self:wrap( problem, 'helpdesk-views-table' )
		end
	end
	local requests = p.records( data.requests )
	local out = {
		'<p class="helpdesk-views-summary">' .. self:msg( 'open-count', #requests ) ..
			( p.str( main.compiled ) ~= '' and ' ' .. self:msg( 'compiled', self:date( main.compiled ) ) or '' ) .. '</p>',
		-- Days in the stage up to today: the data pages change only when a request does.
		self:requestTable( requests, self.today ),
	}
	if part <= 1 then
		out[ #out + 1 ] = '\n== ' .. self:msg( 'heading-attention' ) .. ' ==\n' .. self:attentionList( main )
		out[ #out + 1 ] = self:moreLinks( main )
	end
	return self:wrap( table.concat( out, '\n' ), 'helpdesk-views-table' )
end

function p.renderAttention( self )
	local main, problem = self:load( self.pages.data, 3, isRequests )
	if not main then
		return self:wrap( problem, 'helpdesk-views-attention' )
	end
	return self:wrap( self:attentionList( main ), 'helpdesk-views-attention' )
end

function p.renderArchive( self )
	local year = mw.text.trim( self.args.year or self.args[ 1 ] or '' )
	if not year:match( '^[%w]+$' ) then
		return self:wrap( self:notice( self:msg( 'error-schema', p.text( year ) ) ), 'helpdesk-views-archive' )
	end
	local titles = {}
	local main = self:load( self.pages.data, 3, isRequests )
	if main then
		local entries = {}
		for _, entry in ipairs( p.list( main.pages ) ) do
			if type( entry ) == 'table' and entry.closedIn == year and p.str( entry.title ) ~= '' then
				entries[ #entries + 1 ] = entry
			end
		end
		table.sort( entries, function ( a, b ) return ( p.num( a.part ) or 1 ) < ( p.num( b.part ) or 1 ) end )
		for _, entry in ipairs( entries ) do
			titles[ #titles + 1 ] = entry.title
		end
	end
	if #titles == 0 then
		titles[ 1 ] = self.pages.export .. year .. '.json'
	end
	local requests, problems = {}, {}
	for _, title in ipairs( titles ) do
		local data, problem = self:load( title, 3, isRequests )
		if data then
			for _, request in ipairs( p.records( data.requests ) ) do
				requests[ #requests + 1 ] = request
			end
		else
			problems[ #problems + 1 ] = problem
		end
	end
	local heading = year == 'undated' and self:msg( 'archive-undated' ) or self:msg( 'archive-heading', year )
	local out = { '<p class="helpdesk-views-summary"><b>' .. heading .. '</b></p>' }
	for _, problem in ipairs( problems ) do
		out[ #out + 1 ] = problem
	end
	if #requests == 0 then
		if #problems == 0 then
			out[ #out + 1 ] = '<p>' .. self:msg( 'archive-empty' ) .. '</p>'
		end
		return self:wrap( table.concat( out, '\n' ), 'helpdesk-views-archive' )
	end
	local rows = {
		TABLE_OPEN,
		'<tr><th>' .. table.concat( {
			self:msg( 'col-request' ), self:msg( 'col-requester' ), self:msg( 'col-country' ), self:msg( 'col-support' ),
			self:msg( 'col-status' ), self:msg( 'col-filed' ), self:msg( 'col-closed' ),
		}, '</th><th>' ) .. '</th></tr>',
	}
	for _, request in ipairs( p.sortBy( requests, 'since' ) ) do
		if type( request ) == 'table' then
			local unreadable = p.str( request.problem ) ~= ''
			rows[ #rows + 1 ] = '<tr class="helpdesk-request"><td>' .. ( unreadable and p.pageLink( request.page ) or self:titleLink( request ) .. self:impactLine( request ) ) ..
				'</td><td>' .. joined( { self:requester( request ), self:affiliate( request ) }, '<br>' ) ..
				'</td><td>' .. self:countryName( request.country ) ..
				'</td><td>' .. self:supportLabels( request.support ) ..
				'</td><td data-sort-value="' .. ( STATUS_ORDER[ p.str( request.status ) ] or 99 ) .. '">' .. ( unreadable and small( self:msg( 'unreadable', p.text( request.problem ) ) ) or self:statusOf( request ) ) ..
				'</td><td data-sort-value="' .. p.text( p.str( request.filed ) ) .. '">' .. self:date( request.filed ) ..
				'</td><td data-sort-value="' .. p.text( p.str( request.since ) ) .. '">' .. self:date( request.since ) .. '</td></tr>'
		end
	end
	rows[ #rows + 1 ] = '</table>'
	out[ #out + 1 ] = table.concat( rows, '\n' )
	return self:wrap( table.concat( out, '\n' ), 'helpdesk-views-archive' )
end

-- A bar chart of counts: each bar a div whose width is its share of the largest,
-- with the number as text beside it.
function Context:bars( entries, class )
	local values = {}
	for i, entry in ipairs( entries ) do
		values[ i ] = entry.count
	end
	local widths = p.barWidths( values )
	local root = mw.html.create( 'div' ):addClass( 'helpdesk-bars ' .. class )
	for i, entry in ipairs( entries ) do
		local row = root:tag( 'div' ):addClass( 'helpdesk-bar-row' )
			:css( 'display', 'flex' ):css( 'flex-wrap', 'wrap' ):css( 'align-items', 'center' ):css( 'margin', '0.25em 0' )
		row:tag( 'div' ):addClass( 'helpdesk-bar-label' ):css( 'flex', '0 0 14em' ):css( 'max-width', '100%' ):wikitext( entry.label )
		local track = row:tag( 'div' ):css( 'flex', '1 1 10em' ):css( 'display', 'flex' ):css( 'align-items', 'center' )
		track:tag( 'div' ):addClass( 'helpdesk-bar' )
			:attr( 'data-value', tostring( entry.count ) )
			:css( 'width', widths[ i ] .. '%' ):css( 'min-width', entry.count > 0 and '2px' or '0' )
			:css( 'height', '1.1em' ):css( 'background', '#3366cc' ):css( 'border', '1px solid #2a4b8d' )
		track:tag( 'span' ):addClass( 'helpdesk-bar-number' ):css( 'padding', '0 0.5em' ):wikitext( self:number( entry.count ) )
	end
	return tostring( root )
end

-- Counts of a table `{ code: n }`, in the order of `codes` first, then the others by code.
local function counted( counts, codes, label )
	local entries, seen = {}, {}
	if type( counts ) ~= 'table' then
		return entries
	end
	for _, code in ipairs( codes ) do
		seen[ code ] = true
		local n = p.num( counts[ code ] )
		if n and n > 0 then
			entries[ #entries + 1 ] = { code = code, count = n, label = label( code ) }
		end
	end
	local others = {}
	for code, n in pairs( counts ) do
		if type( code ) == 'string' and not seen[ code ] and p.num( n ) and n > 0 then
			others[ #others + 1 ] = { code = code, count = n, label = label( code ) }
		end
	end
	table.sort( others, function ( a, b ) return a.code < b.code end )
	for _, entry in ipairs( others ) do
		entries[ #entries + 1 ] = entry
	end
	return entries
end

-- The requesters' verdicts per year in which requests were done or declined: how
-- many were asked, how many answered, the average rating and each rating's count.
function Context:verdictYears( list )
	local head = { self:msg( 'col-year' ), self:msg( 'col-asked' ), self:msg( 'col-answered' ), self:msg( 'col-average' ) }
	for rating = 1, 5 do
		head[ #head + 1 ] = self:msg( 'col-rating', rating )
	end
	return self:yearSection( list, { heading = 'stats-verdicts', intro = 'stats-verdicts-intro', none = 'stats-no-data' },
		'helpdesk-verdicts', head, function ( year )
			local average = p.num( year.average )
			local cells = { p.text( year.year ), self:number( p.num( year.asked ) or 0 ), self:number( p.num( year.answered ) or 0 ),
				average and self:number( average ) or '–' }
			local ratings = p.list( year.ratings )
			for rating = 1, 5 do
				cells[ #cells + 1 ] = self:number( p.num( ratings[ rating ] ) or 0 )
			end
			return cells
		end )
end

function p.renderStatistics( self )
	local data, problem = self:load( self.pages.statistics, 1 )
	if not data then
		return self:wrap( problem, 'helpdesk-views-statistics' )
	end
	local out = {}
	out[ #out + 1 ] = '<p class="helpdesk-views-summary">' ..
		self:msg( 'stats-total', p.num( data.total ) or 0, p.num( data.unreadable ) or 0 ) ..
		( p.str( data.compiled ) ~= '' and ' ' .. self:msg( 'compiled', self:date( data.compiled ) ) or '' ) .. '</p>'
	local statuses = counted( data.byStatus, p.STATUSES, function ( code ) return self:statusLabel( code ) end )
	out[ #out + 1 ] = '== ' .. self:msg( 'stats-by-status' ) .. ' ==\n' .. self:bars( statuses, 'helpdesk-bars-status' )
	local continents = counted( data.byContinent, p.CONTINENTS, function ( code ) return self:continentLabel( code ) end )
	out[ #out + 1 ] = '== ' .. self:msg( 'stats-by-continent' ) .. ' ==\n' .. self:bars( continents, 'helpdesk-bars-continent' )
	local support = counted( data.bySupport, p.SUPPORT, function ( code ) return self:raw( 'support-' .. code ) or p.text( code ) end )
	out[ #out + 1 ] = '== ' .. self:msg( 'stats-by-support' ) .. ' ==\n' .. self:bars( support, 'helpdesk-bars-support' )
	local response = type( data.responseDays ) == 'table' and data.responseDays or {}
	local lines = {}
	for _, kind in ipairs( { { 'firstFeedback', 'stats-first-feedback' }, { 'decision', 'stats-decision' } } ) do
		local r = type( response[ kind[ 1 ] ] ) == 'table' and response[ kind[ 1 ] ] or {}
		if p.num( r.median ) and ( p.num( r.count ) or 0 ) > 0 then
			lines[ #lines + 1 ] = '<li class="helpdesk-response-' .. kind[ 1 ] .. '">' .. self:msg( kind[ 2 ], r.median, r.count ) .. '</li>'
		end
	end
	out[ #out + 1 ] = '== ' .. self:msg( 'stats-response' ) .. ' ==\n' ..
		( #lines > 0 and '<ul>' .. table.concat( lines ) .. '</ul>' or '<p>' .. self:msg( 'stats-no-data' ) .. '</p>' )
	local years = {}
	for _, year in ipairs( p.list( data.years ) ) do
		if type( year ) == 'table' and p.str( year.year ) ~= '' then
			years[ #years + 1 ] = year
		end
	end
	local yearOut = { '== ' .. self:msg( 'stats-years' ) .. ' ==' }
	if #years == 0 then
		yearOut[ #yearOut + 1 ] = '<p>' .. self:msg( 'stats-no-data' ) .. '</p>'
	else
		local sentences, rows = {}, {
			-- A table wider than the screen scrolls; the page does not.
			'<div class="helpdesk-scroll" style="overflow-x:auto"><table class="wikitable sortable helpdesk-years">',
			'<tr><th>' .. table.concat( {
				self:msg( 'col-year' ), self:msg( 'col-requests' ), self:msg( 'col-countries' ), self:msg( 'col-continents' ),
				self:msg( 'status-approved' ), self:msg( 'status-declined' ), self:msg( 'status-withdrawn' ),
				self:msg( 'col-first-median' ), self:msg( 'col-decision-median' ),
			}, '</th><th>' ) .. '</th></tr>',
		}
		for _, year in ipairs( years ) do
			local cells = { p.text( year.year ) }
			for _, field in ipairs( { 'filed', 'countries', 'continents', 'approved', 'declined', 'withdrawn', 'firstFeedbackMedian', 'decisionMedian' } ) do
				local n = p.num( year[ field ] )
				cells[ #cells + 1 ] = n and self:number( n ) or '–'
			end
			rows[ #rows + 1 ] = '<tr><td>' .. table.concat( cells, '</td><td>' ) .. '</td></tr>'
			sentences[ #sentences + 1 ] = '<li class="helpdesk-year-sentence">' .. self:msg( 'stats-year-sentence', p.text( year.year ),
				p.num( year.filed ) or 0, p.num( year.countries ) or 0, p.num( year.continents ) or 0 ) .. '</li>'
		end
		rows[ #rows + 1 ] = '</table></div>'
		yearOut[ #yearOut + 1 ] = '<ul>' .. table.concat( sentences, '\n' ) .. '</ul>'
		yearOut[ #yearOut + 1 ] = table.concat( rows, '\n' )
	end
	out[ #out + 1 ] = table.concat( yearOut, '\n' )
	out[ #out + 1 ] = self:verdictYears( data.verdicts )
	out[ #out + 1 ] = self:impactYears()
	return self:wrap( table.concat( out, '\n' ), 'helpdesk-views-statistics' )
end

local function field( label, value )
	if not value or value == '' then
		return ''
	end
	return '<div class="helpdesk-agenda-field"><b>' .. label .. ':</b> ' .. value .. '</div>'
end

function Context:signOff( signOff )
	if type( signOff ) ~= 'table' then
		return ''
	end
	local kind
	if signOff.kind == 'final-go' then
		kind = signOff.decision == 'yes' and self:msg( 'signoff-final-yes' ) or
			signOff.decision == 'no' and self:msg( 'signoff-final-no' ) or self:msg( 'signoff-final' )
	else
		kind = self:msg( 'signoff-feedback' )
	end
	local counted
	if signOff.counted == true then
		counted = '<span class="helpdesk-signoff-counted">' .. self:msg( 'signoff-counted' ) .. '</span>'
	else
		local reason = type( signOff.reason ) == 'string' and self:raw( 'reason-' .. signOff.reason ) or p.text( signOff.reason )
		counted = '<span class="helpdesk-signoff-not-counted">' .. self:msg( 'signoff-not-counted', reason ) .. '</span>'
	end
	return '<li class="helpdesk-signoff">' .. joined( { p.bdi( signOff.member ), kind, counted, self:date( signOff.at ) }, ' – ' ) .. '</li>'
end

function Context:agendaBlock( request )
	if type( request ) ~= 'table' then
		return ''
	end
	local parts = {}
	parts[ #parts + 1 ] = '<div class="helpdesk-agenda-request" style="border:1px solid #a2a9b1;padding:0.5em 1em;margin:0.75em 0;overflow-wrap:anywhere">'
	parts[ #parts + 1 ] = '<div class="helpdesk-agenda-title" style="font-size:115%;font-weight:bold">' .. self:titleLink( request ) .. '</div>'
	parts[ #parts + 1 ] = field( self:msg( 'field-status' ), self:statusOf( request ) )
	parts[ #parts + 1 ] = field( self:msg( 'field-requester' ), joined( { self:requester( request ), self:affiliate( request ) } ) )
	parts[ #parts + 1 ] = field( self:msg( 'field-country' ), self:countryName( request.country ) )
	parts[ #parts + 1 ] = field( self:msg( 'field-support' ), self:supportLabels( request.support ) )
	parts[ #parts + 1 ] = field( self:msg( 'field-stage' ), self:stageLabel( request.stage ) )
	parts[ #parts + 1 ] = field( self:msg( 'field-volume' ), p.str( request.volume ) ~= '' and p.bdi( request.volume ) or '' )
	parts[ #parts + 1 ] = field( self:msg( 'field-filed' ), p.str( request.filed ) ~= '' and self:date( request.filed ) or '' )
	if p.str( request.excerpt ) ~= '' then
		parts[ #parts + 1 ] = '<div class="helpdesk-agenda-excerpt"><b>' .. self:msg( 'field-excerpt' ) .. ':</b> <bdi>' .. p.text( request.excerpt ) .. '</bdi></div>'
	end
	local links = {}
	for _, link in ipairs( p.list( request.links ) ) do
		links[ #links + 1 ] = p.externalLink( link )
	end
	parts[ #parts + 1 ] = field( self:msg( 'field-links' ), table.concat( links, ' · ' ) )
	local signOffs = {}
	for _, signOff in ipairs( p.list( request.signOffs ) ) do
		signOffs[ #signOffs + 1 ] = self:signOff( signOff )
	end
	local tally = self:tally( request )
	parts[ #parts + 1 ] = '<div class="helpdesk-agenda-feedback"><b>' .. self:msg( 'field-feedback' ) .. ':</b> ' .. tally ..
		( #signOffs > 0 and '<ul>' .. table.concat( signOffs ) .. '</ul>' or ' ' .. self:msg( 'no-signoffs' ) ) .. '</div>'
	local recommendation = type( request.recommendation ) == 'table' and request.recommendation
	if recommendation and p.str( recommendation.text ) ~= '' then
		parts[ #parts + 1 ] = '<div class="helpdesk-agenda-recommendation"><b>' ..
			self:msg( 'field-recommendation', self:workingGroupName( recommendation.group or request.workingGroup ) ) .. ':</b> <bdi>' ..
			p.text( recommendation.text ) .. '</bdi> ' .. small( joined( { p.bdi( recommendation.by ), self:date( recommendation.at ) }, ', ' ) ) .. '</div>'
	end
	parts[ #parts + 1 ] = self:routing( request.routing )
	local decide = p.str( request.decide )
	if decide ~= '' then
		parts[ #parts + 1 ] = '<div class="helpdesk-agenda-decide"><b>' .. self:msg( 'field-decide' ) .. ':</b> ' ..
			( decide:match( '^[%w%-]+$' ) and self:raw( 'decide-' .. decide ) or p.text( decide ) ) .. '</div>'
	end
	parts[ #parts + 1 ] = '</div>'
	return table.concat( parts, '\n' )
end

function Context:agendaFor( meeting )
	local data, problem, kind = self:load( self.pages.agendas .. meeting .. '.json', 1, isRequests )
	local heading = '<h2 class="helpdesk-agenda-heading">' .. self:msg( 'agenda-heading', self:date( meeting ) ) .. '</h2>'
	if not data then
		if kind == 'missing' then
			return heading .. '\n<p>' .. self:msg( 'agenda-missing', self:date( meeting ) ) .. '</p>'
		end
		return heading .. '\n' .. problem
	end
	local out = { heading, '== ' .. self:msg( 'agenda-awaiting' ) .. ' ==' }
	local requests = p.sortBy( data.requests, 'since' )
	if #requests == 0 then
		out[ #out + 1 ] = '<p class="helpdesk-agenda-empty">' .. self:msg( 'agenda-empty' ) .. '</p>'
	end
	for _, request in ipairs( requests ) do
		out[ #out + 1 ] = self:agendaBlock( request )
	end
	local notShown = p.num( data.notShown ) or 0
	if notShown > 0 then
		out[ #out + 1 ] = '<p class="helpdesk-agenda-not-shown">' .. self:msg( 'agenda-not-shown', notShown, '[[:' .. self.pages.table .. ']]' ) .. '</p>'
	end
	out[ #out + 1 ] = '== ' .. self:msg( 'agenda-decided' ) .. ' =='
	local decided = {}
	for _, entry in ipairs( p.list( data.decided ) ) do
		if type( entry ) == 'table' then
			decided[ #decided + 1 ] = '<li>' .. self:titleLink( entry ) .. ' – ' .. self:badge( entry.status ) .. ' ' .. self:date( entry.at ) .. '</li>'
		end
	end
	out[ #out + 1 ] = #decided > 0 and '<ul class="helpdesk-agenda-decided">' .. table.concat( decided, '\n' ) .. '</ul>' or '<p>' .. self:msg( 'agenda-none' ) .. '</p>'
	out[ #out + 1 ] = '== ' .. self:msg( 'agenda-overdue' ) .. ' =='
	local overdue = {}
	for _, entry in ipairs( p.list( data.overdue ) ) do
		if type( entry ) == 'table' then
			local party = type( entry.waitingOn ) == 'string' and self:raw( 'party-' .. entry.waitingOn ) or p.text( entry.waitingOn )
			overdue[ #overdue + 1 ] = '<li>' .. self:titleLink( entry ) .. ' – ' .. self:badge( entry.status ) .. ' ' ..
				self:msg( 'agenda-waiting', party, self:date( entry.since ), p.num( entry.reminderDays ) or 0 ) .. '</li>'
		end
	end
	out[ #out + 1 ] = #overdue > 0 and '<ul class="helpdesk-agenda-overdue">' .. table.concat( overdue, '\n' ) .. '</ul>' or '<p>' .. self:msg( 'agenda-none' ) .. '</p>'
	return table.concat( out, '\n' )
end

function p.renderAgenda( self )
	local meeting = mw.text.trim( self.args.meeting or '' )
	local out = {}
	if meeting ~= '' then
		if not meeting:match( '^%d%d%d%d%-%d%d%-%d%d$' ) then
			return self:wrap( self:notice( self:msg( 'error-schema', p.text( meeting ) ) ), 'helpdesk-views-agenda' )
		end
		out[ #out + 1 ] = self:agendaFor( meeting )
	else
		local settings = self:settings()
		local nextMeeting, past = p.meetings( settings and settings.meetings, self.today )
		if nextMeeting then
			out[ #out + 1 ] = self:agendaFor( nextMeeting )
		else
			out[ #out + 1 ] = '<p>' .. self:msg( 'agenda-no-meeting' ) .. ' ' .. p.pageLink( self.pages.settings ) .. '</p>'
		end
		local links = {}
		for _, date in ipairs( past ) do
			if #links < 50 then
				local title = mw.title.new( self.pages.agendas .. date .. '.json' )
				if title and title.exists then
					links[ #links + 1 ] = '<li>' .. p.pageLink( self.pages.agendas .. date, self:date( date ) ) .. '</li>'
				end
			end
		end
		if #links > 0 then
			out[ #out + 1 ] = '== ' .. self:msg( 'agenda-past' ) .. ' ==\n<ul class="helpdesk-agenda-past">' .. table.concat( links, '\n' ) .. '</ul>'
		end
	end
	return self:wrap( table.concat( out, '\n' ), 'helpdesk-views-agenda' )
end

-- Entry points
function p.table( frame )
	return p.renderTable( p.context( frame ) )
end

function p.archive( frame )
	return p.renderArchive( p.context( frame ) )
end

function p.statistics( frame )
	return p.renderStatistics( p.context( frame ) )
end

function p.agenda( frame )
	return p.renderAgenda( p.context( frame ) )
end

function p.attention( frame )
	return p.renderAttention( p.context( frame ) )
end

-- The view page's introduction in the reader's language: {{#invoke:Helpdesk views|intro|table}}
-- (or statistics, agenda), with a link to the page its data comes from.
function p.intro( frame )
	local self = p.context( frame )
	local view = mw.text.trim( p.str( self.args[ 1 ] ) )
	local source = ( { table = self.pages.data, statistics = self.pages.statistics, agenda = self.pages.settings } )[ view ]
	if not source or not p.target( source ) then
		return ''
	end
	return self:wrap( '<p class="helpdesk-views-intro">' .. self:msg( 'intro-' .. view, '[[:' .. source .. ']]' ) .. '</p>', 'helpdesk-views-intro' )
end

return p
