import { collectionSchema, type Collection } from './types';
import { ENGAGEMENT_OPTIONS, AUDIENCE_OPTIONS, AUDIENCE_UNCLEAR, EVENT_TYPE_KEYWORDS, EVENT_TYPE_OPTIONS } from './hsh2023-vocabulary';

/**
 * The Hope Starts Here Imperative #2 collection for events held in 2023
 * (../shared/spec/data-fields.md). Aliases are the headings partners give
 * these columns; they are compared after normalising case, punctuation,
 * plurals, abbreviations and word order.
 */
export const HSH_2023: Collection = collectionSchema.parse({
  id: 'hsh-imperative2-2023',
  name: 'Hope Starts Here Imperative #2: events with parents, caregivers and childcare providers, 2023',
  period: { start: '2023-01-01', end: '2023-12-31' },
  fields: [
    {
      id: 'title', label: 'Title/Event', requirement: 'required', kind: 'text',
      aliases: ['Title', 'Event', 'Event name', 'Name of event', 'Event title', 'Activity', 'Activity name', 'Gathering', 'Gathering name',
        'Presentation', 'Presentation title', 'Outing', 'Happening', 'Outreach item', 'Engagement opportunity',
        'Activity title', 'Program', 'Program name', 'Session', 'Session name', 'Session title', 'Workshop',
        'Workshop name', 'Event/Activity', 'Class name', 'Training name',
        'Event description short',
        'Nombre del evento', 'Evento', 'Actividad', 'Nombre de la actividad'],
      weakAliases: ['What', 'Name', 'Topic', 'Offering', 'Meeting', 'Training', 'Class', 'Programa'],
      excludeWords: ['summary', 'description', 'recap', 'synopsis', 'notes', 'focus', 'kind', 'strand', 'profile', 'staff', 'entered', 'funder', 'funding', 'partner', 'organization', 'organisation', 'contact', 'id',
        'presenter', 'facilitator', 'host', 'city', 'zip', 'date', 'type', 'category', 'level', 'audience', 'street',
        'address', 'count', 'number', 'attendee', 'attendees', 'time'],
    },
    {
      id: 'date', label: 'Date of event', requirement: 'required', kind: 'date',
      aliases: ['Date', 'Event date', 'Activity date', 'When', 'Session date', 'Program date', 'Date held',
        'Held on', 'Service date', 'Date of activity', 'Date of session', 'Date of service', 'Event day', 'Workshop date',
        'Class date', 'Training date', 'Meeting date', 'Start date', 'Date mm dd yyyy',
        'Fecha', 'Fecha del evento', 'Fecha de la actividad'],
      weakAliases: ['Day'],
      excludeWords: ['birth', 'dob', 'opt', 'optin', 'email', 'entered', 'entry', 'created', 'modified', 'updated',
        'submitted', 'submission', 'due', 'registration', 'registered', 'signup', 'end', 'report', 'reported'],
    },
    {
      id: 'event_type', label: 'Type of Event', requirement: 'recommended', kind: 'enum', enumeration: 'event_type',
      aliases: ['Type', 'Event type', 'Category', 'Event category', 'Activity type', 'Program type', 'Kind of event',
        'Type of activity', 'Activity category', 'Program category', 'Focus', 'Focus area', 'Topic area', 'Content area',
        'Focus of event', 'Event focus', 'Program focus', 'Event kind', 'Strand', 'Service provided', 'Topic category',
        'Domain', 'Service type', 'Session type', 'Workshop type', 'Classification',
        'Tipo de evento', 'Tipo de actividad', 'Categoria'],
      excludeWords: ['audience', 'engagement', 'level', 'participant', 'attendee', 'funding', 'funder', 'location', 'site', 'file'],
    },
    {
      id: 'description', label: 'Description of Event', requirement: 'optional', kind: 'text',
      aliases: ['Description', 'About the event', 'Details', 'Event details', 'Summary', 'Event summary',
        'Activity description', 'Program description', 'Session description', 'Explanation', 'Abstract', 'Write-up', 'Writeup',
        'Blurb', 'Particulars', 'Describe the event', 'Describe', 'Brief description', 'Recap', 'Event recap', 'Synopsis', 'Highlights',
        'What was covered', 'Agenda', 'Content', 'Agenda/Content', 'Summary of activity', 'Activity summary', 'What happened', 'What we did', 'What was done', 'Overview', 'Narrative',
        'Event notes', 'Descripcion', 'Descripcion del evento'],
      weakAliases: ['Purpose', 'About', 'Notes', 'Comments', 'Remarks', 'Program notes', 'Event notes', 'Session notes'],
      excludeWords: ['staff', 'internal', 'funder'],
    },
    {
      id: 'street', label: 'Street address', requirement: 'recommended', kind: 'text',
      aliases: ['Street', 'Address', 'Location', 'Premises', 'Building', 'Building address', 'Event address', 'Event location', 'Venue', 'Venue address', 'Site address',
        'Street address line 1', 'Address line 1', 'Address 1', 'Location address', 'Held at',
        'Direccion', 'Lugar', 'Ubicacion'],
      weakAliases: ['Where', 'Place', 'Site'],
      excludeWords: ['email', 'e-mail', 'web', 'website', 'url', 'city', 'zip', 'state', 'ip'],
    },
    {
      id: 'city', label: 'City', requirement: 'recommended', kind: 'text',
      aliases: ['City', 'Town', 'Locale', 'Hometown', 'City/Town', 'City/State', 'City, State', 'Municipality', 'Locality', 'City name', 'Township', 'Event city', 'Location city', 'Ciudad'],
      weakAliases: ['Community'],
      excludeWords: ['zip', 'state', 'street'],
    },
    {
      id: 'zip', label: 'Zip', requirement: 'recommended', kind: 'zip',
      aliases: ['Zip', 'Zip code', 'Zipcode', 'Postal code', 'Postcode', 'Zip/Postal code', 'Event zip', 'Location zip', 'ZIP+4', 'Codigo postal'],
      excludeWords: ['city', 'street', 'state'],
    },
    {
      id: 'audience', label: 'Target Audience', requirement: 'required', kind: 'enum_list', enumeration: 'audience',
      aliases: ['Target audience', 'Audience', 'Audience type', 'Who attended', 'Participants', 'Participant type',
        'Population served', 'Target population', 'Attendee type', 'Type of attendee',
        'Who was served', 'For whom', 'Intended audience', 'Primary audience', 'Audience served', 'Group served', 'Participant group',
        'Designed for', 'Age group', 'Age range', 'Ages', 'Attendee profile', 'Participant profile', 'Who it is for', "Who it's for", 'Geared toward', 'Intended for',
        'Publico', 'Publico objetivo', 'Audiencia'],
      weakAliases: ['Who', 'Served', 'Population'],
      excludeWords: ['number', 'count', 'total', 'how many', 'size'],
    },
    {
      id: 'engagement', label: 'Engagement level', requirement: 'required', kind: 'enum', enumeration: 'engagement',
      aliases: ['Engagement level', 'Engagement', 'Level', 'Level of engagement', 'Eng level', 'HSH level', 'Engagement type',
        'Engagement tier', 'Touchpoint/level', 'Engagement category', 'Participation level', 'Nivel', 'Nivel de participacion'],
      weakAliases: ['Depth', 'Intensity', 'Tier'],
      excludeWords: ['grade', 'reading', 'education', 'school', 'staff'],
    },
    {
      id: 'attendees', label: 'Number of attendees', requirement: 'required', kind: 'count',
      aliases: ['Number of attendees', 'Attendees', 'Number of people', 'Count', 'Total attendees', 'Attendance',
        'Headcount', 'Head count', 'Number attended', 'Number served', 'Total served', 'Number of participants',
        'Participant count', 'Attendee count', 'Total attendance', 'How many attended', 'Total participants', 'Checked in', 'Check ins', 'Number checked in',
        'Actual attendance', 'Actual attendees', 'Showed up', 'Turnout',
        'Asistentes', 'Numero de asistentes', 'Cantidad de asistentes', 'Numero de participantes'],
      weakAliases: ['Number', 'Total', 'People'],
      excludeWords: ['registered', 'registration', 'invited', 'expected', 'capacity', 'rsvp', 'ticket', 'sold', 'signup', 'enrolled', 'enrollment', 'waitlist', 'goal', 'target', 'staff',
        'volunteer', 'volunteers', 'id', 'phone', 'zip', 'street', 'hour', 'hours'],
      parts: ['Adults', 'Children', 'Kids', 'Parents', 'Caregivers', 'Families', 'Youth', 'Teens', 'Infants', 'Babies', 'Toddlers',
        'Men', 'Women', 'Boys', 'Girls', 'Grandparents', 'Seniors', 'Providers', 'Teachers', 'Adultos', 'Ninos'],
    },
  ],
  enumerations: {
    engagement: ENGAGEMENT_OPTIONS,
    audience: AUDIENCE_OPTIONS,
    event_type: EVENT_TYPE_OPTIONS,
  },
  vocabulary: {
    unclear: { audience: AUDIENCE_UNCLEAR },
    keywords: { event_type: EVENT_TYPE_KEYWORDS },
    distinguish: ['Time', 'Start', 'End', 'Hour', 'Branch', 'Library', 'Room', 'Site', 'Location', 'Venue', 'Session', 'Facility', 'Center', 'Park', 'Hora', 'Sitio'],
  },
});
