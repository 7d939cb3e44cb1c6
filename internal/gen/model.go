package gen

// Model is what LoadModel extracts from the SDK's exported API and schema
// graph: the operations, the structures they reach and the enums, all in
// SDK spelling.
type Model struct {
	Module  string // module path of the SDK service package
	Version string // module version, such as "v1.64.5"
	Dir     string // directory the source was read from

	Operations []*Operation       // sorted by name
	Structs    map[string]*Struct // structures of package types an operation reaches, by SDK name
	Enums      map[string]*Enum   // enums of package types, by SDK name
	Unions     []string           // interface (union) types an operation reaches
	Oddities   []string           // documents, maps and other members outside the usual kinds
}

// Operation is one API operation: a method of the SDK client.
type Operation struct {
	Name   string  // API name, such as "CreateCacheCluster"
	Input  *Struct // <Name>Input
	Output *Struct // <Name>Output, without ResultMetadata
}

// Struct is an SDK structure with its members in source order.
type Struct struct {
	Name    string // SDK name: "CacheCluster", "CreateCacheClusterInput"
	Members []*Member

	// Request and Response say which side of the wire reaches the struct.
	Request, Response bool
}

// Member returns the member called name, or nil.
func (s *Struct) Member(name string) *Member {
	for _, m := range s.Members {
		if m.Name == name {
			return m
		}
	}
	return nil
}

// Member is one member of a structure.
type Member struct {
	Name     string  // SDK Go name, which is the API member name
	Type     TypeRef // its type
	Required bool    // the SDK documents it as required

	// WireName is the member's name in the SDK's schema: its xmlName
	// trait, else its member name. The query and XML protocols use it.
	WireName string
}

// Kind is the kind of a member's type.
type Kind int

// Kinds of member types.
const (
	KindString Kind = iota + 1
	KindInt32
	KindInt64
	KindBool
	KindFloat64
	KindTime
	KindEnum
	KindStruct
	KindList
	KindMap
	KindDocument
)

var kindNames = map[Kind]string{
	KindString:   "string",
	KindInt32:    "int32",
	KindInt64:    "int64",
	KindBool:     "bool",
	KindFloat64:  "float64",
	KindTime:     "timestamp",
	KindEnum:     "enum",
	KindStruct:   "structure",
	KindList:     "list",
	KindMap:      "map",
	KindDocument: "document",
}

// String returns the kind's name.
func (k Kind) String() string {
	if s, ok := kindNames[k]; ok {
		return s
	}
	return "kind?"
}

// Scalar reports whether k is a string, number, bool, timestamp or enum.
func (k Kind) Scalar() bool { return k >= KindString && k <= KindEnum }

// TypeRef is a member type as the SDK declares it.
type TypeRef struct {
	Kind    Kind
	Name    string   // SDK type name for KindEnum and KindStruct
	Elem    *TypeRef // element type for KindList and KindMap
	Pointer bool     // the SDK uses a pointer (informational only)
}

// Enum is an SDK enum type with its constants in Values() order.
type Enum struct {
	Name   string
	Values []EnumValue
}

// EnumValue is one constant of an enum.
type EnumValue struct {
	Const string // SDK constant name, such as "AZModeSingleAz"
	Value string // wire value, such as "single-az"
}
