package elasticache

import "sort"

// OperationInfo describes one ElastiCache operation and the Go types that
// model its CloudTrail record.
type OperationInfo struct {
	Name         string // API operation name, CloudTrail's eventName
	RequestType  string // Go type of requestParameters
	ResponseType string // Go type of responseElements

	// UnwrappedMember, when not empty, is the wire name of the API output's
	// single structure member: responseElements is that structure itself,
	// and ResponseType is its type.
	UnwrappedMember string

	ReadOnly bool   // the operation is a Describe* or List* call
	DocURL   string // the operation's page in the API reference
}

// LookupOperation returns the metadata of the operation called name.
func LookupOperation(name string) (OperationInfo, bool) {
	i := sort.Search(len(operationTable), func(i int) bool { return operationTable[i].Name >= name })
	if i < len(operationTable) && operationTable[i].Name == name {
		return operationTable[i], true
	}
	return OperationInfo{}, false
}

// FieldRef names one field of a generated struct.
type FieldRef struct {
	Type  string // Go type name, such as "CreateUserRequest"
	Field string // Go field name, such as "Passwords"
	Wire  string // JSON member name, such as "passwords"
}
