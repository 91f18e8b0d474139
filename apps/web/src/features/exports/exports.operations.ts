import { graphql } from '../../gql';

export const ExportSetupQuery = graphql(`
  query ExportSetup {
    exportColumns {
      key
      labelFr
      labelEn
      type
      group
      defaultSelected
      description
    }
    exportPresets {
      id
      name
      columns
      shared
      mine
      owner {
        id
        name
      }
    }
    dossierUsers {
      members {
        userId
        name
      }
    }
    customers(first: 200) {
      nodes {
        id
        legalName
      }
    }
    suppliers(first: 200) {
      nodes {
        id
        legalName
      }
    }
  }
`);

export const ExportPreviewQuery = graphql(`
  query ExportPreview($filter: ExportFilterInput, $columns: [String!]!, $first: Int!) {
    exportPreview(filter: $filter, columns: $columns, first: $first) {
      totalCount
      columns {
        key
        labelFr
        labelEn
        type
      }
      rows {
        id
        cells
      }
    }
  }
`);

export const SaveExportPresetMutation = graphql(`
  mutation SaveExportPreset($input: ExportPresetInput!) {
    saveExportPreset(input: $input) {
      id
      name
      columns
      shared
      mine
      owner {
        id
        name
      }
    }
  }
`);

export const DeleteExportPresetMutation = graphql(`
  mutation DeleteExportPreset($id: ID!) {
    deleteExportPreset(id: $id)
  }
`);

export const ExportJobFields = graphql(`
  fragment ExportJobFields on ExportLogEntry {
    id
    kind
    format
    status
    totalRows
    rowsWritten
    cancelRequested
    createdAt
    finishedAt
    durationMs
    fileName
    downloadUrl
    error
    columns
    periodFrom
    periodTo
    filter {
      types
      statuses
      from
      to
    }
    user {
      id
      name
    }
  }
`);

export const StartDocumentsExportMutation = graphql(`
  mutation StartDocumentsExport($input: DocumentsExportInput!) {
    startDocumentsExport(input: $input) {
      ...ExportJobFields
    }
  }
`);

export const StartActionSummaryExportMutation = graphql(`
  mutation StartActionSummaryExport($input: ActionSummaryExportInput!) {
    startActionSummaryExport(input: $input) {
      ...ExportJobFields
    }
  }
`);

export const ExportJobQuery = graphql(`
  query ExportJob($id: ID!) {
    exportJob(id: $id) {
      ...ExportJobFields
    }
  }
`);

export const RunExportInBackgroundMutation = graphql(`
  mutation RunExportInBackground($id: ID!) {
    runExportInBackground(id: $id) {
      ...ExportJobFields
    }
  }
`);

export const CancelExportMutation = graphql(`
  mutation CancelExport($id: ID!) {
    cancelExport(id: $id) {
      ...ExportJobFields
    }
  }
`);

export const ExportLogsQuery = graphql(`
  query ExportLogs($first: Int!, $after: String) {
    exportLogs(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...ExportJobFields
      }
    }
  }
`);

export const ActionSummaryQuery = graphql(`
  query ActionSummary($from: LocalDate, $to: LocalDate) {
    actionSummary(from: $from, to: $to) {
      from
      to
      rows {
        user {
          id
          name
        }
        documentType
        created
        modified
        issued
        converted
        deleted
        total
      }
    }
  }
`);
