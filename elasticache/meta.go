package elasticache

import "sort"

// OperationInfo describes one ElastiCache operation and how CloudTrail
// records it.
type OperationInfo struct {
	Name string // API operation name, CloudTrail's eventName

	// UnwrappedMember, when not empty, is the wire name of the API output's
	// single structure member: responseElements is that structure itself,
	// and the action's Response field has its type.
	UnwrappedMember string

	ReadOnly bool   // the operation is a Describe* or List* call
	DocURL   string // the operation's page in the API reference

	// Members classifies every requestParameters member, in the order of
	// the request type's fields. The slice is shared: do not modify it.
	Members []MemberInfo

	// subject is the wire name of the request member naming the resource
	// the call changes, and subjectType its type; when subject is empty,
	// the first resource of subjectType that Resources reports.
	subject     string
	subjectType ResourceType
}

// MemberClass says what a request member is to the resource a call acts
// on.
type MemberClass uint8

// The member classes.
const (
	// MemberSetting is a value the resource keeps, such as
	// transitEncryptionMode; change sets list these.
	MemberSetting MemberClass = iota + 1
	// MemberIdentifier names the resource the call acts on, such as
	// replicationGroupId in ModifyReplicationGroup.
	MemberIdentifier
	// MemberFlag steers the call only: applyImmediately, markers, page
	// sizes, and every filter of a read-only call.
	MemberFlag
)

var memberClassNames = [...]string{MemberSetting: "setting", MemberIdentifier: "identifier", MemberFlag: "flag"}

// String returns "setting", "identifier" or "flag".
func (c MemberClass) String() string {
	if int(c) < len(memberClassNames) && memberClassNames[c] != "" {
		return memberClassNames[c]
	}
	return "unclassified"
}

// MemberInfo classifies one requestParameters member of an operation.
type MemberInfo struct {
	Wire  string // JSON member name, such as "transitEncryptionMode"
	Field string // Go field name of the request type
	Class MemberClass
	// Security says in a line why a change of the member matters to a
	// security review; it is empty when it does not.
	Security string
}

// LookupOperation returns the metadata of the operation called name.
func LookupOperation(name string) (OperationInfo, bool) {
	i := sort.Search(len(operationTable), func(i int) bool { return operationTable[i].Name >= name })
	if i < len(operationTable) && operationTable[i].Name == name {
		return operationTable[i], true
	}
	return OperationInfo{}, false
}
