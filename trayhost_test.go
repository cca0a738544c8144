//go:build linux

package main

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
	"github.com/godbus/dbus/v5/prop"
)

const watcherIface = "org.kde.StatusNotifierWatcher"

// trayHost is the test's tray host: it owns org.kde.StatusNotifierWatcher, as KDE's, GNOME's
// AppIndicator extension's and Xfce's hosts do, takes items' registrations, and reads an item's
// menu and clicks in it over com.canonical.dbusmenu, as a panel does when the user opens it.
type trayHost struct {
	conn       *dbus.Conn
	props      *prop.Properties
	registered chan trayItem

	mu    sync.Mutex
	items []string // as RegisteredStatusNotifierItems lists them
}

// trayItem is a registered StatusNotifierItem: the bus name that registered and its object.
type trayItem struct {
	sender string
	path   dbus.ObjectPath
}

func startTrayHost(t *testing.T, conn *dbus.Conn) *trayHost {
	t.Helper()
	h := &trayHost{conn: conn, registered: make(chan trayItem, 4)}
	if err := conn.Export(h, "/StatusNotifierWatcher", watcherIface); err != nil {
		t.Fatal(err)
	}
	props, err := prop.Export(conn, "/StatusNotifierWatcher", prop.Map{watcherIface: {
		"IsStatusNotifierHostRegistered": {Value: true, Emit: prop.EmitTrue},
		"ProtocolVersion":                {Value: int32(0), Emit: prop.EmitTrue},
		"RegisteredStatusNotifierItems":  {Value: []string{}, Emit: prop.EmitTrue},
	}})
	if err != nil {
		t.Fatal(err)
	}
	h.props = props
	if reply, err := conn.RequestName(watcherIface, dbus.NameFlagDoNotQueue); err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("owning %s: %v, %v", watcherIface, reply, err)
	}
	return h
}

// RegisterStatusNotifierItem is called by an item with its bus name or, as fyne.io/systray does,
// its object path; the bus name is then the caller's.
func (h *trayHost) RegisterStatusNotifierItem(sender dbus.Sender, service string) *dbus.Error {
	item := trayItem{sender: string(sender), path: "/StatusNotifierItem"}
	if len(service) > 0 && service[0] == '/' {
		item.path = dbus.ObjectPath(service)
	} else {
		item.sender = service
	}
	h.mu.Lock()
	h.items = append(h.items, item.sender+string(item.path))
	h.props.SetMust(watcherIface, "RegisteredStatusNotifierItems", h.items)
	h.mu.Unlock()
	h.conn.Emit("/StatusNotifierWatcher", watcherIface+".StatusNotifierItemRegistered", item.sender+string(item.path))
	h.registered <- item
	return nil
}

// RegisterStatusNotifierHost completes the interface; the test is the only host.
func (h *trayHost) RegisterStatusNotifierHost(service string) *dbus.Error { return nil }

// waitForItem returns the first item to register.
func (h *trayHost) waitForItem(t *testing.T, a *app) trayItem {
	t.Helper()
	select {
	case item := <-h.registered:
		return item
	case <-time.After(15 * time.Second):
		t.Fatalf("no tray item registered with the watcher\n%s", a.log.String())
	}
	return trayItem{}
}

// menuEntry is one entry of the item's menu as dbusmenu lays it out.
type menuEntry struct {
	id      int32
	label   string // "---" for a separator
	enabled bool
}

// menuObject is the item's menu, at the path its Menu property names.
func (h *trayHost) menuObject(item trayItem) (dbus.BusObject, error) {
	v, err := h.conn.Object(item.sender, item.path).GetProperty("org.kde.StatusNotifierItem.Menu")
	if err != nil {
		return nil, err
	}
	path, ok := v.Value().(dbus.ObjectPath)
	if !ok {
		return nil, fmt.Errorf("the Menu property is %s, not an object path", v.Signature())
	}
	return h.conn.Object(item.sender, path), nil
}

// menu reads the top level of the item's menu with GetLayout.
func (h *trayHost) menu(item trayItem) ([]menuEntry, error) {
	obj, err := h.menuObject(item)
	if err != nil {
		return nil, err
	}
	var revision uint32
	var root struct {
		ID       int32
		Props    map[string]dbus.Variant
		Children []dbus.Variant
	}
	err = obj.Call("com.canonical.dbusmenu.GetLayout", 0, int32(0), int32(-1), []string{}).
		Store(&revision, &root)
	if err != nil {
		return nil, err
	}
	var entries []menuEntry
	for _, c := range root.Children {
		fields, ok := c.Value().([]any) // (ia{sv}av), a struct, arrives as its fields
		if !ok || len(fields) != 3 {
			return nil, fmt.Errorf("a menu entry of signature %s", c.Signature())
		}
		id, _ := fields[0].(int32)
		props, _ := fields[1].(map[string]dbus.Variant)
		e := menuEntry{id: id, enabled: true}
		if s, ok := props["type"].Value().(string); ok && s == "separator" {
			e.label = "---"
		} else if s, ok := props["label"].Value().(string); ok {
			e.label = s
		}
		if b, ok := props["enabled"].Value().(bool); ok {
			e.enabled = b
		}
		entries = append(entries, e)
	}
	return entries, nil
}

// click clicks the entry with this label, as a panel does when the user picks it.
func (h *trayHost) click(t *testing.T, item trayItem, label string) {
	t.Helper()
	entries, err := h.menu(item)
	if err != nil {
		t.Fatal(err)
	}
	obj, err := h.menuObject(item)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.label == label {
			call := obj.Call("com.canonical.dbusmenu.Event", 0, e.id, "clicked", dbus.MakeVariant(""), uint32(time.Now().Unix()))
			if call.Err != nil {
				t.Fatalf("clicking %q: %v", label, call.Err)
			}
			return
		}
	}
	t.Fatalf("no %q in the tray menu %v", label, entries)
}
