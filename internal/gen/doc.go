// Package gen generates package elasticache from the AWS SDK for Go v2
// ElastiCache API.
//
// The pipeline has three steps, each usable on its own:
//
//   - [LoadModel] reads the SDK's published API into a [Model]: operations
//     (methods of Client), structures and enums from the exported
//     declarations and doc comments (go/doc), and each member's wire name
//     from the schema graph of package schemas, which the generator imports.
//   - [LoadOverrides] reads overrides.json, where CloudTrail departs from the
//     model (an empty list written {}) or a member is a secret.
//   - [Resolve] applies the naming table and the overrides, giving a
//     [Package]; [Package.Files] emits it. [Generate] does both and is pure.
//
// Emitters append to a [File]. Every generated struct passes through the
// fixed list shapeEmitters and every action type through actionEmitters,
// in the file that declares it.
//
// cmd/ecgen writes the files; TestGenerated here checks the committed ones
// are current.
//
// The same decode loop serves the codecs of the record envelope (package
// event) and of userIdentity (package userid), generated from the tables
// of [CodecPackages] (codecs.go) by cmd/codecgen through go generate ./event
// ./userid; TestGeneratedCodecs checks them.
package gen
