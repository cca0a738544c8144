package art

import "testing"

func TestRenderFitsTheBoxKeepingTheShape(t *testing.T) {
	svg, err := SVG(Glutes, false, LightPalette())
	if err != nil {
		t.Fatal(err)
	}
	for _, box := range []struct{ w, h, wantW, wantH int }{
		{400, 260, 400, 260},
		{800, 260, 400, 260}, // wide box: the height decides
		{400, 600, 400, 260}, // tall box: the width decides
		{200, 1000, 200, 130},
		{1, 1, 1, 1},
	} {
		img, err := Render(svg, box.w, box.h)
		if err != nil {
			t.Fatalf("%d×%d: %v", box.w, box.h, err)
		}
		if got := img.Bounds().Size(); got.X != box.wantW || got.Y != box.wantH {
			t.Errorf("%d×%d: drew %v, want %d×%d", box.w, box.h, got, box.wantW, box.wantH)
		}
	}
	img, _ := Render(svg, 400, 260)
	if _, _, _, a := img.At(200, 130).RGBA(); a == 0 {
		t.Error("the middle of the glutes drawing is empty")
	}
}

func TestRenderSaysWhatWentWrong(t *testing.T) {
	if _, err := Render([]byte("<svg"), 100, 100); err == nil {
		t.Error("a broken SVG drew without an error")
	}
	svg, _ := SVG(Lats, false, LightPalette())
	if _, err := Render(svg, 0, 100); err == nil {
		t.Error("a drawing 0 pixels wide drew without an error")
	}
}
