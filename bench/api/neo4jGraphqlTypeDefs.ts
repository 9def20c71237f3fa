/**
 * Idiomatic @neo4j/graphql 7 type definitions for the data Samverkan stores
 * (cypher/migrations, cypher/queries/seed): what a team choosing that library
 * would write for the same graph. One Actor type with its kind as a field (an
 * interface over five node types would make every query a UNION); ties are
 * undirected in meaning, so they are queried in both directions.
 */
export const neo4jGraphqlTypeDefs = /* GraphQL */ `
  type Actor @node(labels: ["Actor"]) {
    id: ID!
    kind: String!
    sector: String!
    name: String
    description: String
    website: String
    organisationNumber: String
    registeredBy: String
    synthetic: Boolean
    createdAt: DateTime
    updatedAt: DateTime
    collaborations: [Actor!]!
      @relationship(type: "COLLABORATES_WITH", direction: OUT, queryDirection: UNDIRECTED, properties: "Collaboration")
    areas: [Area!]! @relationship(type: "ACTIVE_IN", direction: OUT, properties: "Membership")
  }

  type Collaboration @relationshipProperties {
    id: ID!
    kind: String!
    since: Date!
    until: Date
    strength: Int!
    initiativeId: String
    source: String
    recordedAt: DateTime
  }

  type Membership @relationshipProperties {
    since: Date!
    until: Date
  }

  type Area @node(labels: ["Area"]) {
    id: ID!
    name: String!
    level: String!
    synthetic: Boolean
    parent: Area @relationship(type: "PART_OF", direction: OUT)
    children: [Area!]! @relationship(type: "PART_OF", direction: IN)
    actors: [Actor!]! @relationship(type: "ACTIVE_IN", direction: IN, properties: "Membership")
  }
`;
