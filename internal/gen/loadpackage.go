package gen

// LoadPackage reads the SDK model from the module cache and the overrides
// at overridesPath (internal/gen/overrides.json), and resolves them: the
// pipeline every generator of the repository starts with.
func LoadPackage(overridesPath string) (*Package, error) {
	sdk, err := FindSDK()
	if err != nil {
		return nil, err
	}
	m, err := LoadModel(sdk)
	if err != nil {
		return nil, err
	}
	ov, err := LoadOverrides(overridesPath, m)
	if err != nil {
		return nil, err
	}
	return Resolve(m, ov)
}
